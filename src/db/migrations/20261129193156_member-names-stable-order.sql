-- Members imported together share their joining date and creation time, so ordering their names
-- by those alone left the order to the plan: each refresh could produce the same names in
-- another order, find them "changed" and rewrite the household (half of a county's households
-- at a time). The member id now breaks the tie, so an unchanged household is left alone.
CREATE OR REPLACE FUNCTION refresh_household_member_names(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE households h SET member_names = s.names
    FROM (SELECT x.id, COALESCE((SELECT string_agg(' ' || p.name, '' ORDER BY m.joined_on, m.created_at, m.id)
                                   FROM household_members m JOIN persons p ON p.id = m.person_id
                                  WHERE m.household_id = x.id AND m.active), '') AS names
            FROM (SELECT DISTINCT unnest(ids)) AS x(id)) AS s
   WHERE h.id = s.id AND h.member_names IS DISTINCT FROM s.names
$$;
