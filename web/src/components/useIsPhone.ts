import { Grid } from 'antd';

/** Below antd's `md` breakpoint (768 px): single-column forms, drawer menu, no fixed table columns. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
