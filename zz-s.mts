import { loadSeedDocument } from './electron/core/node/seeds';
import { benchSearch } from './scripts/bench/search';
console.log(await benchSearch(loadSeedDocument(), 100_000));
process.exit(0);
