import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';

export interface OpenApiOptions {
  /** The gateway's public URL as configured; default: the Host of each request. */
  publicUrl?: string;
}

/**
 * Collects every route registered after it into an OpenAPI 3.1 document, served at
 * /openapi.json. Registered before the routes (it learns them from onRoute).
 */
export const openApi = fp<OpenApiOptions>(
  async (fastify, options) => {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Sandbox payment gateway',
          version: '1.0.0',
          description: 'Tokens, payments and 3-D Secure, as in docs/gateway-api.md.',
          // No open-source licence: the sandbox's own terms (an SPDX LicenseRef).
          license: {
            name: 'Sandbox terms: test data only, no real money moves',
            identifier: 'LicenseRef-Sandbox',
          },
        },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        },
      },
    });

    // `servers` names this gateway as the client reached it (or its configured public URL), so
    // a client generated from the document calls the gateway it came from.
    fastify.get('/openapi.json', { schema: { hide: true } }, async (request) => ({
      ...fastify.swagger(),
      servers: [{ url: options.publicUrl ?? `${request.protocol}://${request.host}` }],
    }));
  },
  { name: 'openapi', fastify: '5.x' },
);
