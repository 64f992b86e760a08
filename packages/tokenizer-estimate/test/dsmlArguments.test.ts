import { describe, expect, it } from 'vitest';
import { dsmlArguments } from '../src/prompt/dsmlArguments.ts';

describe('dsmlArguments', () => {
  it('renders strings as is and other values as compact JSON, one parameter per line', () => {
    expect(dsmlArguments('{"note": "say \\"hi\\"", "flags": {"critical": true, "retries": 2}, "steps": [1, 2]}')).toBe(
      '<｜DSML｜parameter name="note" string="true">say "hi"</｜DSML｜parameter>\n' +
        '<｜DSML｜parameter name="flags" string="false">{"critical":true,"retries":2}</｜DSML｜parameter>\n' +
        '<｜DSML｜parameter name="steps" string="false">[1,2]</｜DSML｜parameter>',
    );
  });
  it('renders no parameter for {} and one `arguments` string for what is not a JSON object', () => {
    expect(dsmlArguments('{}')).toBe('');
    expect(dsmlArguments('not json')).toBe('<｜DSML｜parameter name="arguments" string="true">not json</｜DSML｜parameter>');
    expect(dsmlArguments('[1]')).toBe('<｜DSML｜parameter name="arguments" string="true">[1]</｜DSML｜parameter>');
  });
  it("takes V4.1's tag name", () => {
    expect(dsmlArguments('{"a": 1}', '｜DSML｜', ' parameter')).toBe('<｜DSML｜ parameter name="a" string="false">1</｜DSML｜ parameter>');
  });
});
