// @atlas-kit/mocks resolves its msw peer next to vite 8.4.0, this package next to vite 8.3.8, so pnpm
// links two copies of msw 3.0.5. Same code, but TypeScript sees two `RequestHandler` classes (the
// protected `resolver` makes them nominal). At run time msw accepts the handlers of either copy.
import type { AtlasHandlers } from '@atlas-kit/mocks';
import type { RequestHandler } from 'msw';

export const handlersFor = (set: AtlasHandlers): RequestHandler[] => set.handlers as unknown as RequestHandler[];
