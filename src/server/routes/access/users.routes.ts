import { errorResponses } from '../../../contracts/common.schemas.js';
import {
  createdUser,
  createUserBody,
  oneTimePasswordBody,
  roleList,
  setRolesBody,
  updateUserBody,
  userIdParams,
  userList,
  userListQuery,
  userView,
} from '../../../contracts/users.schemas.js';
import { createUser } from '../../../services/access/create-user.js';
import { listRoles } from '../../../services/access/list-roles.js';
import { resetUserPassword } from '../../../services/access/reset-user-password.js';
import { searchUsers } from '../../../services/access/search-users.js';
import { setUserRoles } from '../../../services/access/set-user-roles.js';
import { unlockUser } from '../../../services/access/unlock-user.js';
import { updateUserAccount } from '../../../services/access/update-user-account.js';
import { actorOf } from '../../plugins/auth.js';
import type { App, RouteDeps } from '../types.js';

/** User management (issue 2 §12): accounts by the 系统管理员, roles by the 安全管理员. */
export function userRoutes(app: App, deps: RouteDeps) {
  const tags = ['访问控制'];
  app.get(
    '/api/users',
    {
      config: { access: ['user:manage', 'user:assign-roles'] },
      schema: { tags, summary: '账号列表（本人管辖区域）', querystring: userListQuery, response: { 200: userList, ...errorResponses } },
    },
    async (request) => searchUsers(deps.ctx(request), actorOf(request), request.query),
  );
  app.post(
    '/api/users',
    {
      config: { access: 'user:manage' },
      schema: { tags, summary: '新建账号（无角色，一次性密码）', body: createUserBody, response: { 201: createdUser, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await createUser(deps.ctx(request), actorOf(request), request.body)),
  );
  app.patch(
    '/api/users/:id',
    {
      config: { access: 'user:manage' },
      schema: { tags, summary: '修改账号（姓名、电话、区域、停用）', params: userIdParams, body: updateUserBody, response: { 200: userView, ...errorResponses } },
    },
    async (request) => updateUserAccount(deps.ctx(request), actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/users/:id/reset-password',
    {
      config: { access: 'user:manage' },
      schema: { tags, summary: '重置密码（返回一次性密码）', params: userIdParams, response: { 200: oneTimePasswordBody, ...errorResponses } },
    },
    async (request) => resetUserPassword(deps.ctx(request), actorOf(request), request.params.id),
  );
  app.post(
    '/api/users/:id/unlock',
    {
      config: { access: 'user:manage' },
      schema: { tags, summary: '解除登录锁定', params: userIdParams, response: { 200: userView, ...errorResponses } },
    },
    async (request) => unlockUser(deps.ctx(request), actorOf(request), request.params.id),
  );
  app.put(
    '/api/users/:id/roles',
    {
      config: { access: 'user:assign-roles' },
      schema: { tags, summary: '设置角色（安全管理员）', params: userIdParams, body: setRolesBody, response: { 200: userView, ...errorResponses } },
    },
    async (request) => setUserRoles(deps.ctx(request), actorOf(request), request.params.id, request.body.roles),
  );
  app.get(
    '/api/roles',
    { config: { access: 'session' }, schema: { tags, summary: '角色与权限', response: { 200: roleList, ...errorResponses } } },
    async () => listRoles(),
  );
}
