// Tiny inline fixtures shared by the annotation tests.

import { Annotation } from '../../../src/core/annotations/types';

export const ARTICLE =
  'Putin to visit North Korea\n\n' +
  'Russian President Vladimir Putin will visit North Korea on Tuesday, the Kremlin said.\n\n' +
  'The trip comes as the West suspects Pyongyang of sending weapons to Moscow, officials said.\n\n' +
  'Trade between the two countries rose to $34 million last year, the Kremlin said.\n';

export function annotationOn(text: string, exact: string, overrides: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`fixture text lacks "${exact}"`);
  return {
    id: 'a1',
    label: 'misleading',
    note: 'Figure is from 2019.',
    evidence: ['https://example.org/trade-2019'],
    reviewer: 'jane',
    created: '2026-11-20T09:00:00Z',
    updated: '2026-11-20T09:00:00Z',
    target: {
      selector: { exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) },
      position: { start, end: start + exact.length },
    },
    ...overrides,
  };
}
