import { joinHandlerGroups } from '../handler-groups';
import { createBundleHandlers } from './bundle-handlers';
import { createFacetHandlers } from './facet-handlers';
import { createFactHandlers } from './fact-handlers';
import { createImportHandlers } from './import-handlers';
import { createIndicatorHandlers } from './indicator-handlers';
import type { LibraryContext } from './library-context';
import { createSourceHandlers } from './source-handlers';

export const createLibraryHandlers = (context: LibraryContext) =>
  joinHandlerGroups(
    createFactHandlers(context),
    createSourceHandlers(context),
    createFacetHandlers(context),
    createIndicatorHandlers(context),
    createImportHandlers(context),
    createBundleHandlers(context),
  );
