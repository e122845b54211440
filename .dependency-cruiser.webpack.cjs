// Resolution for dependency-cruiser only: the #lib aliases point at the libs' sources, and a
// `.js` import suffix (ESM, nodenext) names the `.ts` file beside it.
const path = require('node:path');

const LIBS = ['shared-kernel', 'config', 'event-store', 'identity', 'governance', 'read-models', 'integrity', 'testing'];
const alias = Object.fromEntries(LIBS.map((lib) => [`#${lib}$`, path.resolve(__dirname, `libs/${lib}/src/index.ts`)]));
module.exports = { resolve: { alias, extensionAlias: { '.js': ['.ts', '.js'] }, extensions: ['.ts', '.js'] } };
