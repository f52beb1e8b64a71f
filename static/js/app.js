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
  const button = form.querySelector("[type=submit]");
  const label = button ? button.textContent : "";
  if (progress) progress.hidden = false;
  if (button) {
    button.disabled = true;
    button.textContent = form.dataset.busy;
  }
  if (form.dataset.download === undefined) return;
  // A download leaves the page where it is: fetch it, hand it to the browser
  // as a file, and give the button back once it is there.
  event.preventDefault();
  downloadInPlace(form)
    .catch(() => form.submit())
    .finally(() => {
      if (progress) progress.hidden = true;
      if (button) {
        button.disabled = false;
        button.textContent = label;
      }
    });
});

async function downloadInPlace(form) {
  const response = await fetch(form.action, {
    method: "POST",
    body: new FormData(form),
    credentials: "same-origin",
  });
  const type = response.headers.get("Content-Type") || "";
  if (!response.ok || !type.startsWith("application/pdf")) {
    // A refusal (a limit reached, a report too large) is a page: show it.
    form.submit();
    return;
  }
  const disposition = response.headers.get("Content-Disposition") || "";
  const own = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = own ? decodeURIComponent(own[1]) : plain ? plain[1] : "";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  const done = form.querySelector("[data-download-done]");
  if (done) done.hidden = false;
}

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
