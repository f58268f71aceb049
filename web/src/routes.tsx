/** The single route table (STYLE §9). Every page is loaded lazily, in its own chunk. */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Permission } from '../../src/domain/access/roles';
import { AppLayout } from './components/AppLayout';
import { RequirePermission } from './components/RequirePermission';
import { RequireAuth } from './features/auth/components/RequireAuth';

function page(load: () => Promise<{ default: ComponentType }>, anyOf?: Permission[]): ReactNode {
  const Page = lazy(load);
  return anyOf ? (
    <RequirePermission anyOf={anyOf}>
      <Page />
    </RequirePermission>
  ) : (
    <Page />
  );
}

const standalone = (node: ReactNode) => <Suspense fallback={null}>{node}</Suspense>;

export const routes: RouteObject[] = [
  { path: '/login', element: standalone(page(() => import('./pages/auth/LoginPage'))) },
  {
    path: '/change-password',
    element: <RequireAuth passwordChangePage>{standalone(page(() => import('./pages/auth/ChangePasswordPage')))}</RequireAuth>,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: page(() => import('./pages/dashboard/DashboardPage')) },
      { path: 'households', element: page(() => import('./pages/households/HouseholdListPage'), ['registry:read']) },
      { path: 'households/new', element: page(() => import('./pages/households/HouseholdCreatePage'), ['registry:write']) },
      { path: 'households/duplicates', element: page(() => import('./pages/households/DuplicateListPage'), ['registry:read']) },
      { path: 'households/:id', element: page(() => import('./pages/households/HouseholdDetailPage'), ['registry:read']) },
      { path: 'benefit-recipients', element: page(() => import('./pages/policy/BenefitRecipientListPage'), ['registry:read']) },
      { path: 'imports', element: page(() => import('./pages/imports/ImportPage'), ['registry:import']) },
      { path: 'admin/users', element: page(() => import('./pages/admin/UserListPage'), ['user:manage', 'user:assign-roles']) },
      { path: 'admin/regions', element: page(() => import('./pages/admin/RegionAdminPage'), ['region:manage']) },
      { path: 'policy/reassessments', element: page(() => import('./pages/policy/ReassessmentListPage'), ['policy:read']) },
      { path: 'policy/reassessments/:id', element: page(() => import('./pages/policy/ReassessmentDetailPage'), ['policy:read']) },
      { path: 'audit', element: page(() => import('./pages/audit/AuditLogPage'), ['audit:read']) },
      { path: 'policy/parameters', element: page(() => import('./pages/policy/ParameterListPage'), ['policy:read']) },
      { path: 'policy/proposals', element: page(() => import('./pages/policy/ProposalListPage'), ['policy:manage']) },
      { path: 'monitoring/board', element: page(() => import('./pages/monitoring/MonitoringBoardPage'), ['monitoring:read']) },
      { path: 'monitoring/clues', element: page(() => import('./pages/monitoring/ClueListPage'), ['monitoring:read']) },
      { path: 'monitoring/clues/:id', element: page(() => import('./pages/monitoring/ClueDetailPage'), ['monitoring:read']) },
      { path: 'monitoring/clues/:id/visit', element: page(() => import('./pages/monitoring/VisitPage'), ['monitoring:handle']) },
      { path: 'monitoring/dept-data', element: page(() => import('./pages/monitoring/DeptDataPage'), ['dept:upload', 'dept:keys']) },
      { path: 'monitoring/rules', element: page(() => import('./pages/monitoring/RuleListPage'), ['monitoring:read']) },
      { path: 'monitoring/comparisons', element: page(() => import('./pages/monitoring/ComparisonPage'), ['monitoring:read']) },
      { path: '*', element: page(() => import('./pages/NotFoundPage')) },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
