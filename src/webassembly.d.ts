// The part of the WebAssembly JavaScript API the product uses (the accounts control's kernel): Node.js has it,
// its type declarations for Node 20 do not; the web app's DOM library declares it in full.
declare namespace WebAssembly {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a compiled module is opaque here
  interface Module {}
  const Module: new (bytes: Uint8Array) => Module;
  interface Memory {
    readonly buffer: ArrayBuffer;
  }
  interface Instance {
    readonly exports: Record<string, unknown>;
  }
  const Instance: new (module: Module, imports: Record<string, Record<string, unknown>>) => Instance;
}
