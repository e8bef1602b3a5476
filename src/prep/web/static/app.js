// Keyboard shortcuts and a code editor that knows about indentation. Every page works without
// this file; it only makes the common actions one key away.
"use strict";

function typing(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement;
}

// Study: Space reveals a recall card's answer; 1-4 press the rating (or pick an option);
// Ctrl+Enter submits a typed answer.
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey && event.key === "Enter") {
    const form = event.target.closest ? event.target.closest("form") : null;
    if (form) {
      event.preventDefault();
      const primary = form.querySelector("button.primary") || form.querySelector("button[type=submit]");
      if (primary) primary.click(); else form.requestSubmit();
    }
    return;
  }
  if (typing(event.target) && event.target.type !== "radio" && event.target.type !== "checkbox") return;
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const reveal = document.getElementById("reveal");
  if (event.key === " " && reveal && !reveal.open) {
    event.preventDefault();
    reveal.open = true;
    return;
  }
  if (/^[1-9]$/.test(event.key)) {
    // A closed <details> keeps its content laid out in current browsers (offsetParent is set),
    // so the ratings of an unrevealed recall card must be excluded by hand.
    const visible = [...document.querySelectorAll(`[data-key="${event.key}"]`)]
      .filter((el) => el.offsetParent !== null && !el.closest("details:not([open])"));
    const target = visible[0];
    if (!target) return;
    event.preventDefault();
    if (target instanceof HTMLInputElement) {
      target.checked = target.type === "radio" ? true : !target.checked;
      target.focus();
    } else {
      target.click();
    }
  }
  if (event.key === "Enter" && document.getElementById("answer-form") &&
      document.querySelector("#answer-form input[name=choice]:checked")) {
    event.preventDefault();
    document.getElementById("answer-form").requestSubmit();
  }
});

// The solution editor: Tab indents (4 spaces), Shift+Tab dedents, Enter keeps the indentation
// and adds a level after a colon.
const INDENT = "    ";
const editor = document.getElementById("editor");
if (editor) {
  editor.addEventListener("keydown", (event) => {
    const { selectionStart: start, selectionEnd: end, value } = editor;
    const lineStart = value.lastIndexOf("\n", start - 1) + 1;
    if (event.key === "Tab") {
      event.preventDefault();
      if (event.shiftKey) {
        const line = value.slice(lineStart);
        const remove = line.startsWith(INDENT) ? INDENT.length : (line.match(/^ */)[0].length);
        if (remove) {
          editor.setRangeText("", lineStart, lineStart + remove, "preserve");
          editor.setSelectionRange(Math.max(lineStart, start - remove), Math.max(lineStart, end - remove));
        }
      } else {
        editor.setRangeText(INDENT, start, end, "end");
      }
    } else if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const line = value.slice(lineStart, start);
      let indent = line.match(/^ */)[0];
      if (line.trimEnd().endsWith(":")) indent += INDENT;
      editor.setRangeText("\n" + indent, start, end, "end");
    } else if (event.key === "Backspace" && start === end && start > lineStart) {
      const before = value.slice(lineStart, start);
      if (/^ +$/.test(before) && before.length % INDENT.length === 0) {
        event.preventDefault();
        editor.setRangeText("", start - INDENT.length, start, "end");
      }
    }
  });
}

// Judging takes a moment: say so, and keep the buttons from being pressed twice.
const solution = document.getElementById("solution-form");
if (solution) {
  solution.addEventListener("submit", () => {
    document.getElementById("judging").hidden = false;
    setTimeout(() => solution.querySelectorAll("button").forEach((b) => { b.disabled = true; }), 0);
  });
}

// A mock part's time box, counting down; past zero it counts up in red. Without JavaScript the
// page still says how long the part should take.
const timer = document.getElementById("timer");
if (timer) {
  const deadline = Date.now() + Number(timer.dataset.seconds) * 1000;
  const tick = () => {
    const left = Math.round((deadline - Date.now()) / 1000);
    const shown = Math.abs(left);
    const text = `${Math.floor(shown / 60)}:${String(shown % 60).padStart(2, "0")}`;
    timer.textContent = left >= 0 ? text : `-${text} over`;
    timer.classList.toggle("over", left < 0);
  };
  tick();
  setInterval(tick, 1000);
}
