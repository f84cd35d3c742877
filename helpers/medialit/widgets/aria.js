// The kit's small widgets that ipywidgets cannot draw accessibly (see docs/accessibility.md).
// Rendered by anywidget: everything here runs in the browser, nothing is fetched.

// JupyterLab treats a notebook whose focus is on a menu, button or box in an output as being in
// command mode: ArrowDown moves to the next cell and Enter opens the cell's editor, so the keys never
// reach the control (JupyterLab only holds back its shortcuts for text fields, ":read-write").
// Lumino skips shortcuts for an element marked data-lm-suppress-shortcuts: the kit marks each of
// its widget controls as it gains focus, so menus, buttons, boxes and radios work from the keyboard.
const CONTROLS = "select, button, input[type=checkbox], input[type=radio]";

function keepKeysForControls() {
  if (window.__medialitKeys) { return; }
  window.__medialitKeys = true;
  document.addEventListener("focusin", (event) => {
    const target = event.target;
    if (target instanceof Element && target.matches(CONTROLS) && target.closest(".jp-OutputArea-output .jupyter-widgets")) {
      target.setAttribute("data-lm-suppress-shortcuts", "true");
    }
  }, true);
}

// ipywidgets draws a RadioButtons' description as a <label> tied to nothing and its radios in a plain
// <div>, so a screen reader hears "Body, radio button" with no question. For the groups the kit names
// (medialit.widgets.aria.name_group) the <div> becomes a radiogroup labelled by that <label>: set on
// the groups already drawn, then on each one as JupyterLab adds it to the page.
const NAMED_GROUP = ".medialit-named-group";
let groupNames = 0;

function nameGroup(widget) {
  const label = widget.querySelector(":scope > .widget-label");
  const radios = widget.querySelector(":scope > .widget-radio-box");
  if (!label || !radios) { return; }
  if (!label.id) { groupNames += 1; label.id = `medialit-group-name-${groupNames}`; }
  radios.setAttribute("role", "radiogroup");
  radios.setAttribute("aria-labelledby", label.id);
}

function nameGroupsIn(node) {
  if (!(node instanceof Element)) { return; }
  if (node.matches(NAMED_GROUP)) { nameGroup(node); }
  node.querySelectorAll(NAMED_GROUP).forEach(nameGroup);
}

function keepGroupsNamed() {
  if (window.__medialitGroups) { return; }
  window.__medialitGroups = true;
  nameGroupsIn(document.body);
  new MutationObserver((records) => {
    for (const record of records) {
      // Only the element itself: JupyterLab changes the classes of whole notebooks as focus moves.
      if (record.type === "attributes") {
        if (record.target.matches(NAMED_GROUP)) { nameGroup(record.target); }
        continue;
      }
      record.addedNodes.forEach(nameGroupsIn);
    }
  // A group's class can arrive after its element is in the page (ipywidgets sets _dom_classes on change).
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
}

function liveRegion({ model, el }) {
  // One element that stays in the page for the widget's life: screen readers only announce
  // changes inside a live region that already existed, so only its content is replaced.
  el.classList.add("medialit-status");
  const region = document.createElement("div");
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  region.setAttribute("aria-atomic", "true");
  el.appendChild(region);
  const show = () => {
    // The kit builds this HTML with every piece of text escaped (medialit.widgets.common.esc).
    region.innerHTML = model.get("value");
  };
  show();
  model.on("change:value", show);
}

function pressButton({ model, el }) {
  // A native <button> with aria-pressed: Space and Enter work, and the state is heard, not only seen.
  const button = document.createElement("button");
  button.type = "button";
  button.className = "jupyter-widgets jupyter-button widget-toggle-button medialit-press";
  el.appendChild(button);
  const show = () => {
    const pressed = !!model.get("value");
    button.setAttribute("aria-pressed", pressed ? "true" : "false");
    button.classList.toggle("mod-active", pressed);
    button.textContent = model.get("description");
    const tooltip = model.get("tooltip");
    if (tooltip) { button.title = tooltip; } else { button.removeAttribute("title"); }
    button.disabled = !!model.get("disabled");
  };
  show();
  button.addEventListener("click", () => {
    model.set("value", !model.get("value"));
    model.save_changes();
  });
  for (const name of ["value", "description", "tooltip", "disabled"]) {
    model.on(`change:${name}`, show);
  }
}

function picture({ model, el }) {
  // ipywidgets' Image has no alt text; a chart needs one (WCAG 1.1.1).
  const image = document.createElement("img");
  image.className = "medialit-picture";
  el.appendChild(image);
  let url = null;
  const show = () => {
    const bytes = model.get("value");
    const next = URL.createObjectURL(new Blob([bytes], { type: `image/${model.get("format")}` }));
    image.src = next;
    if (url) { URL.revokeObjectURL(url); }
    url = next;
    image.alt = model.get("alt");
  };
  show();
  model.on("change:value", show);
  model.on("change:alt", show);
  return () => { if (url) { URL.revokeObjectURL(url); } };
}

const KINDS = { live: liveRegion, press: pressButton, picture: picture };

export default {
  render(context) {
    keepKeysForControls();
    keepGroupsNamed();
    return KINDS[context.model.get("_kind")](context);
  },
};
