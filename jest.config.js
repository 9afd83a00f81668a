/** Jest runs TypeScript through SWC (no type-check here: `npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  transformIgnorePatterns: [
    '/node_modules/(?!(linkedom|htmlparser2|entities|domhandler|domutils|dom-serializer|uhyphen|html-escaper|cssom|css-select|css-what|boolbase|nth-check|domelementtype|cssomnom)/)',
  ],
  setupFiles: ['<rootDir>/test/setup-env.js'],
  testTimeout: 30000,
};
