/** Route plugins register on the Zod-typed view of the app; request types follow the schemas. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export type TypedApp = ReturnType<typeof typed>;

/** A route plugin: registers routes synchronously, then tells Fastify it is done. */
export function routePlugin<O>(register: (app: TypedApp, options: O) => void) {
  return (app: FastifyInstance, options: O, done: (error?: Error) => void): void => {
    register(typed(app), options);
    done();
  };
}
