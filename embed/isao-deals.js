// The one file a host page includes:
//   <script type="module" async src="/widget/isao-deals.js"></script>
// Loading it mounts a widget in every <div data-isao-deals data-api-base="…">
// of the page and in every <isao-deals api-base="…"> element, now and later;
// `mount(element, options)` mounts more from code. `async` has it start the
// downloads as soon as it arrives, not once the page is parsed and its
// stylesheets are in; the widgets still mount once the page is parsed.
//
// The wasm download starts first, the glue's right after it, and neither
// waits for the other. A host page with the release build's preload links
// (preload-links.html, docs/embedding.md) has them started earlier still, as
// the browser reads the page: the requests below, made alike, then take
// those answers. In a release build scripts/release-bundle.sh writes
// into BUILD the version, the wasm's sha256 and the sha256 of each JS module
// the glue needs: a file altered on the way never runs, and each widget says
// so.
const BUILD = { version: "development", wasmIntegrity: "", modules: {} };

export const version = BUILD.version;

const UNSAFE_MESSAGE = "The deals widget could not be loaded safely and did not start. Reload the page to try again.";

// Requested before the JS modules: a browser opens at most six connections
// to a host over HTTP/1.1, and the largest file, whose compile is the
// longest step, must not queue behind them. Compiled as it streams in and
// hashed meanwhile: a fetch with `integrity` would hand it over only once
// all of it is hashed. The module is handed to the glue, which instantiates
// it, only once its sha256 is the expected one: compiled code that is never
// instantiated never runs. Without WebCrypto (a page served over plain http)
// fetch checks it. A server that does not give it the type application/wasm
// costs the streaming, not the widget; a missing file fails the hash or the
// compile.
const digest = crypto.subtle && BUILD.wasmIntegrity;
const wasm = fetch(new URL("./isao-deals-widget_bg.wasm", import.meta.url), { integrity: digest ? "" : BUILD.wasmIntegrity })
  .then(async (response) => {
    const bytes = response.clone().arrayBuffer();
    const compiled = WebAssembly.compileStreaming(response).catch(async () => WebAssembly.compile(await bytes));
    compiled.catch(() => {});
    if (digest) {
      const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", await bytes));
      if (`sha256-${btoa(String.fromCharCode(...hash))}` !== digest) throw new Error("integrity");
    }
    return compiled;
  });
// Seen by init below; marked handled so that a failure is reported once, by the widgets.
wasm.catch(() => {});

// The glue (which holds its snippets) and the chunk loader are fetched at
// once, each with its integrity, and the glue is imported only once both
// have passed: its import then finds the chunk loader in the page's module
// map. A module that fails its check is never evaluated (and a browser may
// fetch it again, without the check, for a later import: hence the wait).
const preloaded = Promise.all(
  Object.entries(BUILD.modules).map(
    ([path, integrity]) =>
      new Promise((resolve, reject) => {
        const preload = document.createElement("link");
        preload.rel = "modulepreload";
        preload.href = new URL(path, import.meta.url);
        preload.integrity = integrity;
        preload.onload = resolve;
        preload.onerror = reject;
        document.head.append(preload);
      }),
  ),
);
const glue = preloaded.then(() => import("./isao-deals-widget.js")).then(async (module) => {
  await module.default({ module_or_path: wasm });
  return module;
});

// Widgets mount once the page is parsed: every element it declares is in it
// by then, and its own scripts, deferred ones included, have run and hear the
// widgets' first events. Never awaited at the top level: a deferred script
// that imports this module runs before DOMContentLoaded.
const parsed = new Promise((resolve) =>
  document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", resolve) : resolve(),
);
const mountable = parsed.then(() => glue);
mountable.then(
  (module) => module.mountDeclared(),
  () => document.querySelectorAll("[data-isao-deals]").forEach(showUnsafe),
);

function showUnsafe(host) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const notice = document.createElement("p");
  notice.setAttribute("role", "alert");
  notice.textContent = UNSAFE_MESSAGE;
  root.replaceChildren(notice);
}

// The attributes, each with its property (camelCase) and its `mount` option.
const OPTIONS = {
  "api-base": "apiBase",
  auth: "auth",
  "refresh-seconds": "refreshSeconds",
  "undo-seconds": "undoSeconds",
  "idle-days": "idleDays",
  "key-storage": "keyStorage",
  "current-user": "currentUser",
  "url-key": "urlKey",
  stylesheet: "stylesheet",
};

/**
 * `<isao-deals api-base="…">`: mounted while it is in the document. A change
 * of attribute mounts the widget again with the new options; a move in the
 * document keeps it as it is.
 */
export class IsaoDeals extends HTMLElement {
  static version = version;
  // `lang` and `data-lang` switch the language in place: nothing the user
  // has on screen is rebuilt.
  static observedAttributes = [...Object.keys(OPTIONS), "lang", "data-lang"];

  #handle = null;
  #mountedWith = null;
  #queued = false;

  get version() {
    return version;
  }

  /** The widget's shadow root, once mounted. */
  get root() {
    return this.#handle?.root ?? null;
  }

  connectedCallback() {
    this.#update();
  }

  disconnectedCallback() {
    this.#update();
  }

  attributeChangedCallback(name) {
    if (name === "lang" || name === "data-lang") {
      this.#handle?.setLang(this.getAttribute("data-lang") ?? undefined);
    } else {
      this.#update();
    }
  }

  // Several changes in one task (a move is a removal and an insertion; a new
  // element gets its attributes one by one) lead to one mount at most.
  #update() {
    if (this.#queued) return;
    this.#queued = true;
    mountable.then(
      (module) => {
        this.#queued = false;
        this.#apply(module);
      },
      () => {
        this.#queued = false;
        if (this.isConnected) showUnsafe(this);
      },
    );
  }

  #apply(module) {
    const options = this.isConnected ? this.#options() : null;
    const wanted = options && JSON.stringify(options);
    if (wanted === this.#mountedWith) return;
    this.#unmount();
    if (!options) return;
    try {
      this.#handle = module.mount(this, options);
      this.#mountedWith = wanted;
    } catch (reason) {
      console.error("isao-deals:", reason);
    }
  }

  #unmount() {
    this.#handle?.unmount();
    this.#handle?.free();
    this.#handle = null;
    this.#mountedWith = null;
  }

  #options() {
    const options = {};
    for (const [attribute, option] of Object.entries(OPTIONS)) {
      const value = this.getAttribute(attribute);
      if (value !== null) options[option] = value;
    }
    const lang = this.getAttribute("data-lang");
    if (lang !== null) options.lang = lang;
    return options;
  }
}

for (const [attribute, property] of Object.entries(OPTIONS)) {
  Object.defineProperty(IsaoDeals.prototype, property, {
    get() {
      return this.getAttribute(attribute);
    },
    set(value) {
      if (value === null || value === undefined) this.removeAttribute(attribute);
      else this.setAttribute(attribute, String(value));
    },
  });
}

customElements.get("isao-deals") ?? customElements.define("isao-deals", IsaoDeals);

let loaded;
try {
  loaded = await glue;
} catch (reason) {
  console.error("isao-deals: the widget could not be loaded safely:", reason);
}

/** `mount(element, {apiBase, keyStorage, urlKey, idleDays, refreshSeconds, stylesheet})`. */
export function mount(host, options) {
  if (!loaded) throw new Error("isao-deals: the widget could not be loaded safely");
  return loaded.mount(host, options);
}
