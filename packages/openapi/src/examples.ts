// The example bodies of every operation, compiled from specs/: the mocks answer with them and the
// contracts assert them. Apart from the main entry so that clients do not carry them.
export { examples } from './generated/examples.ts';
