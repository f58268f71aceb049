import { Type, type Static } from 'typebox';

export const regionItem = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Integer(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  urbanRural: Type.Union([Type.String(), Type.Null()]),
  areaType: Type.Union([Type.String(), Type.Null()]),
  hasChildren: Type.Boolean(),
});
export type RegionItem = Static<typeof regionItem>;

export const regionList = Type.Object({ items: Type.Array(regionItem) });

export const regionCodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{2,12}$' }) });

export const regionChildrenQuery = Type.Object({
  parent: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
});

export const regionSearchQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 40 }) });

export const updateRegionBody = Type.Object({
  urbanRural: Type.Optional(Type.Union([Type.Literal('URBAN'), Type.Literal('RURAL'), Type.Null()])),
  areaType: Type.Optional(
    Type.Union([Type.Literal('URBAN'), Type.Literal('FARMING'), Type.Literal('PASTORAL'), Type.Literal('MIXED'), Type.Null()]),
  ),
});
export type UpdateRegionBody = Static<typeof updateRegionBody>;
