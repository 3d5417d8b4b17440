// The demo page (index.html) starts the widget with trunk's own script
// rather than the loader: this mounts the page's widget once that script has
// started the wasm, as the loader does for a host page.
addEventListener("TrunkApplicationStarted", () => window.wasmBindings.mountDeclared());
