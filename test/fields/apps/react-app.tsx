// Mounts the React fixture in StrictMode (development build: effects run, are cleaned up and run
// again): hydrates the server's markup when the page has it, renders from scratch otherwise.
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { Checkout } from './react-checkout.js';

const params = new URLSearchParams(location.search);
const app = (
  <StrictMode>
    <Checkout
      gateway={params.get('gateway') ?? 'http://localhost:8801'}
      publishableKey={params.get('key') ?? 'pk_test_fields'}
    />
  </StrictMode>
);
const root = document.getElementById('root')!;
if (root.firstElementChild) hydrateRoot(root, app);
else createRoot(root).render(app);
