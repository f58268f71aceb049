import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));

const NM = /[\\/]node_modules[\\/]/;
const ECHARTS = /[\\/]node_modules[\\/](echarts|zrender|tslib)[\\/]/;
const ICONS = /[\\/]node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/;
const ANTD = /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@ctrl|@emotion|stylis|scroll-into-view-if-needed|compute-scroll-into-view|throttle-debounce|json2mq|copy-to-clipboard|toggle-selection|classnames|clsx|@babel[\\/]runtime)[\\/]/;
/** Parts of Ant Design only the data pages need (tables, pickers, trees, upload): their own chunk. */
const ANTD_DATA = /[\\/]node_modules[\\/](antd[\\/]es[\\/](table|date-picker|calendar|time-picker|tree|tree-select|upload|transfer|steps|timeline|descriptions|collapse|progress|statistic|auto-complete|cascader|color-picker|input-number|pagination)|@rc-component[\\/](table|picker|tree|tree-select|upload|steps|collapse|progress|pagination|virtual-list|input-number))[\\/]/;
const REACT = /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser|@tanstack)[\\/]/;

const isAntdData = (id: string) => ANTD_DATA.test(id) && !/[\\/]locale[\\/]/.test(id);

/**
 * Vendor chunks, highest priority first (a group also takes the dependencies of what it
 * captures, unless a higher group took them already): React + router + query, icons,
 * echarts (only the 工作台 charts load it), Ant Design in two parts, the rest.
 * Pages are split by their lazy imports in routes.tsx.
 */
const VENDOR_GROUPS = [
  { name: 'react', test: REACT, priority: 50 },
  { name: 'antd-icons', test: ICONS, priority: 45 },
  { name: 'dayjs', test: /[\\/]node_modules[\\/]dayjs[\\/]/, priority: 44 },
  { name: 'echarts', test: ECHARTS, priority: 40 },
  { name: 'antd', test: (id: string) => ANTD.test(id) && !isAntdData(id), priority: 36 },
  { name: 'antd-data', test: isAntdData, priority: 35 },
  { name: 'vendor', test: NM, priority: 10 },
];

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@': path.join(webRoot, 'src') },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: false } },
    fs: { allow: [path.resolve(webRoot, '..')] },
  },
  preview: {
    proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: false } },
  },
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: VENDOR_GROUPS,
        },
      },
    },
  },
});
