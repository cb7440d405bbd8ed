/*
 * Moves the translators' guidance on addresses (translations/includes/
 * address_help.html) next to the address segment of wagtail-localize's
 * translation editor. The editor is a React app that renders after load and
 * again on every tab switch, so the guidance is put back whenever the
 * address segment is (re)drawn. Kept apart from the rest of the editor's
 * customisations so both can change independently.
 */
(function () {
  'use strict';

  var help = document.getElementById('translation-address-help');
  var editor = document.querySelector('.js-translation-editor');
  if (!help || !editor) {
    return;
  }

  // The segment's heading is its field label, which the editor's props name.
  var label = null;
  try {
    var props = JSON.parse(editor.getAttribute('data-props'));
    var path = help.getAttribute('data-address-path');
    (props.segments || []).forEach(function (segment) {
      if (segment.contentPath === path && segment.location) {
        label = segment.location.field;
      }
    });
  } catch (error) {
    return;
  }
  if (!label) {
    help.hidden = true; // no address segment (a snippet): nothing to explain
    return;
  }

  function findHeading() {
    var items = editor.querySelectorAll('li');
    for (var i = 0; i < items.length; i += 1) {
      var heading = items[i].firstElementChild;
      if (heading && heading.textContent.trim() === label) {
        return heading;
      }
    }
    return null;
  }

  function place() {
    var heading = findHeading();
    if (heading && heading.nextElementSibling !== help) {
      heading.parentNode.insertBefore(help, heading.nextElementSibling);
      help.classList.remove('nice-padding');
      help.classList.add('translation-address-help--inline');
    }
  }

  new MutationObserver(place).observe(editor, { childList: true, subtree: true });
  place();
})();
