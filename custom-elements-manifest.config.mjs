// Custom elements manifest of the public tags (the host SDK), from the JSDoc headers.
export default {
  globs: ['packages/host/src/**/*.ts'],
  // node.ts: the server's inert placeholders of the same classes.
  exclude: ['packages/host/src/three-d-secure.ts', 'packages/host/src/node.ts'],
  outdir: 'packages/host/dist',
  dependencies: false,
  packagejson: false,
  plugins: [
    {
      // The elements are defined in a loop in define() (index.ts); tell the manifest their tag names.
      name: 'pay-tag-names',
      packageLinkPhase({ customElementsManifest }) {
        const tags = {
          PayCardFieldsElement: 'pay-card-fields',
          PayCardNumberElement: 'pay-card-number',
          PayCardExpiryElement: 'pay-card-expiry',
          PayCardCvcElement: 'pay-card-cvc',
          PayCardholderNameElement: 'pay-cardholder-name',
          PayCardElement: 'pay-card',
        };
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            const tagName = tags[declaration.name];
            if (!tagName) continue;
            declaration.tagName = tagName;
            declaration.customElement = true;
            mod.exports = [
              ...(mod.exports ?? []),
              {
                kind: 'custom-element-definition',
                name: tagName,
                declaration: { name: declaration.name, module: mod.path },
              },
            ];
          }
        }
      },
    },
  ],
};
