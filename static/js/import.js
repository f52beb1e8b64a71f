// The import's progress indicators. Without JavaScript the forms post as usual.
(() => {
  const upload = document.querySelector("form[data-import-upload]");
  if (upload && window.XMLHttpRequest && window.DOMParser) {
    upload.addEventListener("submit", (event) => {
      const file = upload.querySelector("input[type=file]");
      if (!file || !file.files.length) return; // let the server say what is missing
      event.preventDefault();
      const box = upload.querySelector("[data-import-progress]");
      const bar = box.querySelector("progress");
      const percent = box.querySelector("[data-import-percent]");
      const button = upload.querySelector("[type=submit]");
      const asPercent = new Intl.NumberFormat(document.documentElement.lang, { style: "percent" });
      box.hidden = false;
      button.disabled = true;
      const request = new XMLHttpRequest();
      request.open("POST", upload.action || window.location.href);
      request.upload.addEventListener("progress", (progress) => {
        if (!progress.lengthComputable) {
          bar.removeAttribute("value"); // indeterminate
          return;
        }
        const done = Math.round((progress.loaded / progress.total) * 100);
        bar.value = done;
        percent.textContent = asPercent.format(done / 100);
        if (done === 100) bar.removeAttribute("value"); // the server now checks the file
      });
      request.addEventListener("load", () => {
        if (request.responseURL && request.responseURL !== upload.action &&
            request.responseURL !== window.location.href) {
          window.location.assign(request.responseURL); // on to the mapping page
          return;
        }
        // The upload page again, with the server's message: show its main part.
        const page = new DOMParser().parseFromString(request.responseText, "text/html");
        const main = page.querySelector("main");
        if (main) {
          document.querySelector("main").replaceWith(main);
          const summary = main.querySelector(".error-summary, .field-error");
          if (summary) { summary.setAttribute("tabindex", "-1"); summary.focus(); }
        } else {
          upload.submit();
        }
      });
      request.addEventListener("error", () => {
        box.hidden = true;
        button.disabled = false;
        upload.submit(); // fall back to a plain post
      });
      request.send(new FormData(upload));
    });
  }

  // Checking and importing a large file takes a while: show that it runs.
  document.querySelectorAll("form[data-import-check], form[data-import-commit]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      const method = (event.submitter && event.submitter.getAttribute("formmethod")) || form.method;
      if (method.toLowerCase() === "get") return;
      const box = form.querySelector("[data-import-busy]");
      if (box) box.hidden = false;
      // Disable after the submit has been sent, so the button's value still goes.
      window.setTimeout(() => {
        form.querySelectorAll("[type=submit]").forEach((button) => { button.disabled = true; });
      }, 0);
    });
  });
})();
