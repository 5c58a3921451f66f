// Schema pieces the shop's routes share. Bodies are `nullable`: a POST with no body at all
// validates as null, and its route answers it as it answers an empty form.

/** `/checkout/:id`, `/result/:id`, `/api/checkout/:id/...`: the order's id. */
export const orderParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string' } },
} as const;

export interface OrderParams {
  id: string;
}
