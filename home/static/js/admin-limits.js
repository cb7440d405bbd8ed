/*
 * The admin's size checks, made before anything is sent or cut.
 *
 * The server refuses images and documents over their size limit, text over
 * a field's length and forms over the request limit, but only after the
 * browser has sent it all (a 31 MB file over a slow link) or, for a pasted
 * document, after the editor has lost the form. Here the same limits (read
 * from the data attributes of this script's tag, written by
 * home/wagtail_hooks.py from the settings the server enforces) are checked
 * in the browser first:
 * - a chosen or dropped file over its limit is refused with a message and
 *   never sent (upload forms, the multiple-upload pages, choosers' upload tabs);
 * - a paste longer than a field accepts is refused with a message instead of
 *   being cut silently, and long fields show how many characters are left;
 * - a form whose text exceeds the request limit is not sent.
 * Listeners sit on the document in the capture phase so that they run before
 * Wagtail's own handlers, and reach fields added later (blocks, modals).
 */
(function () {
    "use strict";

    var script = document.currentScript;
    if (!script) {
        return;
    }
    var config = script.dataset;
    var imageLimit = parseInt(config.imageLimit, 10) || 0;
    var documentLimit = parseInt(config.documentLimit, 10) || 0;
    var textLimit = parseInt(config.textLimit, 10) || 0;
    var counterFrom = parseInt(config.counterFrom, 10) || 200;

    function format(template, values) {
        return template.replace(/%\((\w+)\)s/g, function (match, key) {
            return key in values ? String(values[key]) : match;
        });
    }

    function megabytes(bytes) {
        var value = bytes / (1024 * 1024);
        return (value >= 10 ? Math.round(value) : Math.round(value * 10) / 10).toLocaleString(
            document.documentElement.lang || undefined
        );
    }

    function number(value) {
        return value.toLocaleString(document.documentElement.lang || undefined);
    }

    // One notice per place: the latest message replaces the previous one.
    // Next to a text field; at the top of a form or drop zone otherwise (a
    // file input is often hidden under its button).
    function notify(anchor, message) {
        var besideField = !(anchor instanceof HTMLInputElement && anchor.type === "file") &&
            (anchor instanceof HTMLInputElement || anchor instanceof HTMLTextAreaElement);
        var host = besideField ? anchor.parentNode :
            (anchor.closest(".drop-zone") || anchor.closest("form") || document.body);
        var notice = host.querySelector(":scope > .portal-limit-notice");
        if (!notice) {
            notice = document.createElement("p");
            notice.className = "portal-limit-notice help-block help-critical";
            notice.setAttribute("role", "alert");
            if (besideField) {
                host.insertBefore(notice, anchor.nextSibling);
            } else {
                host.insertBefore(notice, host.firstChild);
            }
        }
        notice.textContent = message;
        if (notice.scrollIntoView) {
            notice.scrollIntoView({block: "nearest"});
        }
    }

    function isImageInput(input) {
        var form = input.closest("form");
        var action = form ? form.getAttribute("action") || "" : "";
        return (input.accept || "").indexOf("image/") !== -1 || /\/images\//.test(action) ||
            /\/images\//.test(window.location.pathname);
    }

    function limitFor(input) {
        return isImageInput(input) ? imageLimit : documentLimit;
    }

    function oversized(files, limit) {
        if (!limit) {
            return [];
        }
        return Array.prototype.filter.call(files || [], function (file) {
            return file.size > limit;
        });
    }

    function fileMessage(file, limit) {
        return format(config.fileMessage, {
            name: file.name,
            size: megabytes(file.size),
            limit: megabytes(limit),
        });
    }

    function refuseFiles(event, anchor, files, limit) {
        var tooBig = oversized(files, limit);
        if (!tooBig.length) {
            return false;
        }
        event.preventDefault();
        event.stopImmediatePropagation();
        notify(anchor, tooBig.map(function (file) { return fileMessage(file, limit); }).join(" "));
        return true;
    }

    document.addEventListener("change", function (event) {
        var input = event.target;
        if (!(input instanceof HTMLInputElement) || input.type !== "file") {
            return;
        }
        if (refuseFiles(event, input, input.files, limitFor(input))) {
            input.value = "";
        }
    }, true);

    document.addEventListener("drop", function (event) {
        var files = event.dataTransfer && event.dataTransfer.files;
        if (!files || !files.length) {
            return;
        }
        var input = document.querySelector("input[type=file]");
        var zone = event.target.closest ? event.target.closest(".drop-zone") || event.target : event.target;
        refuseFiles(event, zone, files, input ? limitFor(input) : imageLimit);
    }, true);

    function utf8Length(text) {
        return new Blob([text]).size;
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || (form.method || "").toLowerCase() !== "post") {
            return;
        }
        var inputs = form.querySelectorAll("input[type=file]");
        for (var i = 0; i < inputs.length; i += 1) {
            if (refuseFiles(event, inputs[i], inputs[i].files, limitFor(inputs[i]))) {
                return;
            }
        }
        if (!textLimit) {
            return;
        }
        var size = 0;
        new FormData(form).forEach(function (value, key) {
            if (typeof value === "string") {
                size += utf8Length(key) + utf8Length(value);
            }
        });
        if (size > textLimit) {
            event.preventDefault();
            event.stopImmediatePropagation();
            notify(form, format(config.formMessage, {
                size: megabytes(size),
                limit: megabytes(textLimit),
            }));
        }
    }, true);

    function isTextField(field) {
        return (field instanceof HTMLTextAreaElement ||
            (field instanceof HTMLInputElement && /^(text|search|url|email|tel)$/.test(field.type))) &&
            field.maxLength >= counterFrom;
    }

    function counterOf(field) {
        var id = field.id ? field.id + "-portal-count" : "";
        var counter = id ? document.getElementById(id) : null;
        if (!counter) {
            counter = document.createElement("p");
            counter.className = "portal-char-count help-block";
            if (id) {
                counter.id = id;
            }
            field.insertAdjacentElement("afterend", counter);
        }
        return counter;
    }

    function updateCounter(field) {
        counterOf(field).textContent = format(config.counterMessage, {
            count: number(field.value.length),
            limit: number(field.maxLength),
        });
    }

    document.addEventListener("focusin", function (event) {
        if (isTextField(event.target)) {
            updateCounter(event.target);
        }
    });

    document.addEventListener("input", function (event) {
        if (isTextField(event.target)) {
            updateCounter(event.target);
        }
    });

    document.addEventListener("paste", function (event) {
        var field = event.target;
        if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) ||
                field.maxLength < 0 || !event.clipboardData) {
            return;
        }
        var pasted = event.clipboardData.getData("text/plain") || "";
        var selected = (field.selectionEnd || 0) - (field.selectionStart || 0);
        var resulting = field.value.length - selected + pasted.length;
        if (resulting > field.maxLength) {
            event.preventDefault();
            notify(field, format(config.pasteMessage, {
                count: number(pasted.length),
                limit: number(field.maxLength),
            }));
        }
    }, true);
})();
