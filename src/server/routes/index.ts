import { authRoutes } from './access/auth.routes.js';
import { userRoutes } from './access/users.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { assessmentRoutes } from './policy/assessments.routes.js';
import { reassessmentRoutes } from './policy/reassessments.routes.js';
import { parameterRoutes } from './policy/parameters.routes.js';
import { monitoringBoardRoutes } from './monitoring/board.routes.js';
import { clueRoutes } from './monitoring/clues.routes.js';
import { deptRoutes } from './monitoring/dept.routes.js';
import { warningRuleRoutes } from './monitoring/rules.routes.js';
import { comparisonRoutes } from './monitoring/comparison.routes.js';
import { householdRoutes } from './registry/households.routes.js';
import { importRoutes } from './registry/imports.routes.js';
import { regionRoutes } from './registry/regions.routes.js';
import { systemRoutes } from './system/system.routes.js';
import type { App, RouteDeps } from './types.js';

/** Every feature's routes, registered in one place. */
export function registerRoutes(app: App, deps: RouteDeps) {
  systemRoutes(app, deps);
  authRoutes(app, deps);
  userRoutes(app, deps);
  auditRoutes(app, deps);
  regionRoutes(app, deps);
  householdRoutes(app, deps);
  importRoutes(app, deps);
  assessmentRoutes(app, deps);
  reassessmentRoutes(app, deps);
  parameterRoutes(app, deps);
  monitoringBoardRoutes(app, deps);
  clueRoutes(app, deps);
  deptRoutes(app, deps);
  warningRuleRoutes(app, deps);
  comparisonRoutes(app, deps);
}
