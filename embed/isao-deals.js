// The one file a host page includes:
//   <script type="module" src="/widget/isao-deals.js"></script>
// Loading it mounts a widget in every <div data-isao-deals data-api-base="…">
// of the page; `mount(element, options)` mounts more from code.
import init, { mount } from "./isao-deals-widget.js";

await init();

export { mount };
