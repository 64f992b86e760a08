// @seekcost/pricing/errors: the error base class every seekcost package extends, alone. It imports
// nothing (no decimal.js, no zod, no price data), so @seekcost/tokenizer-estimate can extend it and
// stay light in a browser bundle: a bundler takes this module and nothing else from the package.
// One base class means callers (the CLI, dashboards) test `instanceof SeekcostError` once.
// Deliberately nothing else: the concrete pricing errors come from the main entry, and importing
// them here would pull in what they describe. test/publicSurface.test.ts holds the list.
export { SeekcostError } from '../errors.ts';
