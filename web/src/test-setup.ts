/**
 * jsdom lacks a few browser APIs Ant Design uses: matchMedia (Grid, responsive
 * components) and ResizeObserver. getComputedStyle is provided by jsdom.
 */
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: vi.fn((query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: vi.fn(),
      removeListener: vi.fn(),
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
      dispatchEvent: vi.fn(() => false),
    })),
  });
}

if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStub });
  Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStub });
}

if (!window.scrollTo) window.scrollTo = () => {};

// findBy… and waitFor wait for what a test expects to appear: 1 s by default, less than a first
// Ant Design render can take on a busy shared machine. They return as soon as it appears, so a
// longer wait costs a passing test nothing (a timeout is for a hang, not for speed).
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
});
