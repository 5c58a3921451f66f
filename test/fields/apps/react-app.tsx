// Mounts the React fixture in StrictMode (development build: effects run, are cleaned up and run
// again): hydrates the server's markup when the page has it, renders from scratch otherwise.
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { Checkout } from './react-checkout.js';

// The page names the gateway and the key, as a server rendering it would.
const root = document.getElementById('root')!;
const app = (
  <StrictMode>
    <Checkout gateway={root.dataset.gateway!} publishableKey={root.dataset.key!} />
  </StrictMode>
);
if (root.firstElementChild) hydrateRoot(root, app);
else createRoot(root).render(app);
