// Small progressive enhancements; every page works without them.
document.addEventListener("submit", (event) => {
  // Destructive actions ask first.
  const message = event.target.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const input = document.querySelector(button.dataset.copy);
  input.select();
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    document.execCommand("copy");
  }
});

document.addEventListener("DOMContentLoaded", () => {
  // Bring the error summary into view and focus, so keyboard users hear it.
  const summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
});

document.addEventListener("submit", (event) => {
  // Long work (an analysis, an import) shows that it is running.
  const form = event.target;
  if (!form.dataset.busy || event.defaultPrevented) return;
  const progress = form.querySelector("progress.busy");
  if (progress) progress.hidden = false;
  const button = form.querySelector("[type=submit]");
  if (button) {
    button.disabled = true;
    button.textContent = form.dataset.busy;
  }
});

document.addEventListener("change", (event) => {
  // A new engagement's currency follows its country, until someone picks one.
  const changed = event.target;
  if (changed.dataset.currencyOfCountry !== undefined) {
    changed.dataset.picked = "yes";
    return;
  }
  const currency = changed.form?.querySelector("[data-currency-of-country]");
  if (changed.name !== "country" || !currency || currency.dataset.picked) return;
  const code = JSON.parse(currency.dataset.currencyOfCountry)[changed.value];
  if (code) currency.value = code;
});
