import fp from 'fastify-plugin';
import type { FastifyReply } from 'fastify';
import { layout, type PageOptions } from '../pages/layout.js';
import { messagePage } from '../pages/message.js';
import { shopLanguage } from '../shop-language.js';
import './shop-deps.types.js';

/** `reply.page()` and `reply.notFoundPage()`: every HTML answer in the shop's layout. */
export const pageReplies = fp(
  async (fastify) => {
    fastify.decorateReply(
      'page',
      function (this: FastifyReply, options: PageOptions, status = 200): FastifyReply {
        return this.code(status)
          .type('text/html; charset=utf-8')
          .send(
            layout(fastify.shopConfig, options, {
              language: shopLanguage(this.request),
              path: this.request.url,
            }),
          );
      },
    );
    fastify.decorateReply('notFoundPage', function (this: FastifyReply): FastifyReply {
      return this.page(
        {
          title: 'Not found',
          body: messagePage(
            'We could not find that',
            'This checkout does not exist any more (the shop may have restarted). Please start again from the shop.',
          ),
        },
        404,
      );
    });
  },
  { name: 'page-replies', fastify: '5.x', dependencies: ['shop-deps'] },
);
