import { describe, expect, it } from 'vitest';
import { BeforeHistoryError, getBundledTariff, ModelNotAvailableError, UnknownModelError } from '../src/index.ts';
import { nearestIds, resolveModel } from '../src/resolveModel.ts';

const tariff = getBundledTariff();
const at = (iso: string) => Date.parse(iso);

describe('resolveModel', () => {
  it('follows deepseek-chat from the legacy line to V4 flash non-thinking on 2026-04-24', () => {
    expect(resolveModel(tariff, 'deepseek-chat', at('2026-04-23T23:59:59.999Z')).model.id).toBe('deepseek-chat');
    const v4 = resolveModel(tariff, 'deepseek-chat', at('2026-04-24T00:00:00.000Z'));
    expect([v4.model.id, v4.mode, v4.period.id]).toEqual(['deepseek-v4-flash', 'non-thinking', 'deepseek-v4-flash/2026-04-24']);
  });

  it('bills the deepseek-v4-flash id as deepseek-flash (V4.1) after the switch', () => {
    expect(resolveModel(tariff, 'deepseek-v4-flash', at('2026-09-10T03:59:59.999Z')).model.id).toBe('deepseek-v4-flash');
    expect(resolveModel(tariff, 'deepseek-v4-flash', at('2026-09-10T04:00:00.000Z')).model.id).toBe('deepseek-flash');
  });

  it('suggests the nearest ids for an unknown one', () => {
    try {
      resolveModel(tariff, 'deepseek-v4-por', at('2026-10-01T00:00:00Z'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownModelError);
      expect((error as UnknownModelError).suggestions[0]).toBe('deepseek-v4-pro');
      expect((error as UnknownModelError).message).toContain("did you mean 'deepseek-v4-pro'");
    }
    expect(nearestIds('gpt-4o', ['deepseek-chat', 'deepseek-v4-pro'])).toEqual([]);
  });

  it('gives the history start for an instant before it', () => {
    try {
      resolveModel(tariff, 'deepseek-chat', at('2024-08-01T23:59:59.999Z'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BeforeHistoryError);
      expect((error as BeforeHistoryError).historyStart.toISOString()).toBe('2024-08-02T00:00:00.000Z');
    }
  });

  it('says when an id is priced, for an instant outside that', () => {
    try {
      resolveModel(tariff, 'deepseek-reasoner', at('2025-01-19T12:00:00Z'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ModelNotAvailableError);
      expect((error as ModelNotAvailableError).availableFrom?.toISOString()).toBe('2025-01-20T00:00:00.000Z');
    }
  });
});
