// "None of these" on a code-list question: ticking it clears the others, ticking another clears it.
// A convenience only: without script the server refuses "none" together with other answers, with a message.
(function () {
  'use strict';
  document.querySelectorAll('.govuk-checkboxes').forEach(function (group) {
    var boxes = Array.prototype.slice.call(group.querySelectorAll('input[type="checkbox"]'));
    boxes.forEach(function (box) {
      box.addEventListener('change', function () {
        if (!box.checked) {
          return;
        }
        var exclusive = box.getAttribute('data-behaviour') === 'exclusive';
        boxes.forEach(function (other) {
          if (other !== box && (exclusive || other.getAttribute('data-behaviour') === 'exclusive')) {
            other.checked = false;
          }
        });
      });
    });
  });
})();
