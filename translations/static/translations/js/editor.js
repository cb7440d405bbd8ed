/*
 * The portal's enhancements of wagtail-localize's translation editor.
 *
 * The React editor saves each string on its own and never tells the page;
 * the portal's footer (translations/editor/footer.html) shows the progress
 * and enables "Submit for review" only once every string is translated. So
 * whenever the editor's content changes (a string saved, deleted, machine
 * translated), the progress is fetched again and the footer follows, with
 * no reload. It also asks before the footer's destructive direct actions,
 * and puts the editor's one untranslatable heading into the admin language.
 */
(function () {
    'use strict';

    function ready(callback) {
        if (document.readyState === 'loading') {
            document.addEventListener('DOMContentLoaded', callback);
        } else {
            callback();
        }
    }

    function showProgress(footer, progress) {
        var template = footer.getAttribute('data-progress-template');
        var complete = progress.done >= progress.total;
        footer.querySelectorAll('[data-translation-progress]').forEach(function (node) {
            node.textContent = template
                .replace('{done}', progress.done)
                .replace('{total}', progress.total);
        });
        document.querySelectorAll('[data-translation-progress-aid]').forEach(function (node) {
            node.textContent = template
                .replace('{done}', progress.done)
                .replace('{total}', progress.total);
        });
        footer.querySelectorAll('[data-translation-incomplete]').forEach(function (node) {
            node.hidden = complete;
        });
        footer.querySelectorAll('[data-translation-needs-complete]').forEach(function (button) {
            button.disabled = !complete;
            if (complete) {
                button.removeAttribute('aria-describedby');
            } else {
                button.setAttribute('aria-describedby', 'translation-footer-progress');
            }
        });
    }

    function followProgress(footer, editor) {
        var url = footer.getAttribute('data-progress-url');
        var timer = null;
        var asked = 0;

        function refresh() {
            var ask = ++asked;
            fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
                .then(function (response) {
                    return response.ok ? response.json() : null;
                })
                .then(function (progress) {
                    // An older answer must not overwrite a newer one.
                    if (progress && ask === asked) {
                        showProgress(footer, progress);
                    }
                })
                .catch(function () {
                    // Offline for a moment: the next change asks again.
                });
        }

        // Each save re-renders the segment (saving, then the saved text and
        // its comment): wait for the burst to settle, then ask once.
        new MutationObserver(function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(refresh, 400);
        }).observe(editor, { childList: true, subtree: true, characterData: true });
    }

    function confirmDestructive(footer) {
        footer.querySelectorAll('form[data-translation-confirm]').forEach(function (form) {
            form.addEventListener('submit', function (event) {
                if (!window.confirm(form.getAttribute('data-translation-confirm'))) {
                    event.preventDefault();
                }
            });
        });
    }

    function translateHeading(footer, editor) {
        var english = footer.getAttribute('data-section-title-english');
        var translated = footer.getAttribute('data-section-title');
        if (!english || !translated || english === translated) {
            return;
        }
        var walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
        var node;
        while ((node = walker.nextNode())) {
            // Changing the text in place keeps React's own node.
            if (node.nodeValue.trim() === english) {
                node.nodeValue = translated;
            }
        }
    }

    ready(function () {
        var footer = document.querySelector('[data-translation-footer]');
        var editor = document.querySelector('.js-translation-editor');
        if (!footer || !editor) {
            return;
        }
        confirmDestructive(footer);
        followProgress(footer, editor);
        translateHeading(footer, editor);
        new MutationObserver(function () {
            translateHeading(footer, editor);
        }).observe(editor, { childList: true, subtree: true });
    });
})();
