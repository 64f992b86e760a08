import { splitTableRow } from '../../src/pricingPage/splitTableRow.ts';
import type { TableRow } from '../../src/pricingPage/tableRow.ts';

/** Markdown table lines as parsed rows, numbered from 1. */
export const rows = (...lines: string[]): TableRow[] => lines.map((raw, i) => ({ cells: splitTableRow(raw), line: i + 1, raw }));
