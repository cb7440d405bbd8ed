"""Accessibility checks run inside the page: axe-core, layout and structure probes.

axe-core (tests/browser/vendor/axe.min.js, MPL-2.0) is injected into the page
under test; nothing is fetched at run time.
"""

from functools import cache
from pathlib import Path

AXE_PATH = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


# The page fetches axe from this made-up address on its own origin; the
# browser context answers it from the vendored file and the browser caches
# the compiled script, which makes injecting it about three times faster.
AXE_URL = "/__tests__/axe.min.js"


@cache
def axe_source():
    return AXE_PATH.read_bytes()


def serve_axe(context):
    context.route(
        f"**{AXE_URL}",
        lambda route: route.fulfill(
            body=axe_source(),
            content_type="application/javascript",
            headers={"Cache-Control": "max-age=3600"},
        ),
    )


def run_axe(tab, tags=WCAG_TAGS):
    """axe-core's violations for the whole document (Wagtail's userbar excluded)."""
    if not tab.evaluate("typeof window.axe !== 'undefined'"):
        tab.add_script_tag(url=AXE_URL)
    return tab.evaluate(
        """async (tags) => {
            const result = await axe.run(
                {include: [document], exclude: [["wagtail-userbar"]]},
                {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]},
            );
            return result.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html, summary: n.failureSummary})),
            }));
        }""",
        tags,
    )


def format_violations(violations, limit=5):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:limit]:
            lines.append(f"    {node['target']}: {node['html'][:200]}")
            for summary_line in (node["summary"] or "").splitlines():
                lines.append(f"        {summary_line}")
        if len(violation["nodes"]) > limit:
            lines.append(f"    ... and {len(violation['nodes']) - limit} more")
    return "\n".join(lines)


# Reflow and clipping (WCAG 1.4.4, 1.4.10, 1.4.12) ------------------------------

# The text-spacing overrides of WCAG 1.4.12, as in the usual bookmarklet.
TEXT_SPACING_CSS = """
* {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p {
  margin-bottom: 2em !important;
}
"""

LAYOUT_PROBLEMS_JS = """() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const problems = [];
    if (root.scrollWidth > width) {
        problems.push(`the page scrolls sideways: ${root.scrollWidth}px wide in a ${width}px window`);
    }
    const describe = (el) => {
        let name = el.tagName.toLowerCase();
        if (el.id) name += "#" + el.id;
        if (el.classList.length) name += "." + [...el.classList].join(".");
        const text = (el.innerText || el.getAttribute("alt") || "").trim().replace(/\\s+/g, " ").slice(0, 60);
        return text ? `${name} "${text}"` : name;
    };
    const skipped = ".visually-hidden, .skip-link, [hidden], script, style, noscript, wagtail-userbar, template";
    const clipping = new Set(["hidden", "clip"]);
    for (const el of document.body.querySelectorAll("*")) {
        if (el.closest(skipped)) continue;
        const style = getComputedStyle(el);
        if (style.display === "none" || style.visibility === "hidden" || style.display === "contents") continue;
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        // Wide tables scroll inside their own labelled region, which is allowed.
        const inScroller = el.parentElement && el.parentElement.closest(".table-scroll");
        if (!inScroller && (rect.right > width + 1 || rect.left < -1)) {
            problems.push(`${describe(el)} sticks out of the window (${Math.round(rect.left)}..${Math.round(rect.right)} of ${width}px)`);
            continue;
        }
        if (style.display.startsWith("inline") && style.display !== "inline-block" && style.display !== "inline-flex") continue;
        // Images scale; form fields scroll their own text.
        if (["IMG", "SVG", "svg", "INPUT", "TEXTAREA", "SELECT"].includes(el.tagName)) continue;
        const overflowsX = el.scrollWidth > el.clientWidth + 1;
        const overflowsY = el.scrollHeight > el.clientHeight + 1;
        if (!overflowsX && !overflowsY) continue;
        if (el.matches(".table-scroll")) continue;
        if ((overflowsX && clipping.has(style.overflowX)) || (overflowsY && clipping.has(style.overflowY))) {
            problems.push(`${describe(el)} cuts off its content (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
        } else if (overflowsY && style.overflowY === "visible" && style.height !== "auto" && el.clientHeight > 0
                   && el.scrollHeight - el.clientHeight > 2 && el.children.length === 0 && el.innerText.trim()) {
            problems.push(`${describe(el)} lets its text spill out of its box`);
        }
    }
    return [...new Set(problems)];
}"""


def layout_problems(tab):
    """Sideways scrolling, content outside the window, and clipped text."""
    return tab.evaluate(LAYOUT_PROBLEMS_JS)


# Structure ---------------------------------------------------------------------

STRUCTURE_JS = """() => {
    const problems = [];
    const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    const label = (el) => {
        if (el.hasAttribute("aria-label")) return el.getAttribute("aria-label").trim();
        if (el.hasAttribute("aria-labelledby")) {
            return el.getAttribute("aria-labelledby").split(/\\s+/)
                .map(id => document.getElementById(id)).filter(Boolean)
                .map(node => node.textContent.trim()).join(" ");
        }
        return "";
    };
    const count = (selector) => document.querySelectorAll(selector).length;

    // Landmarks: one banner, one main, one contentinfo; navs and asides labelled, uniquely.
    if (count("body > header, [role=banner]") !== 1) problems.push("there should be exactly one header (banner) landmark");
    if (count("main, [role=main]") !== 1) problems.push("there should be exactly one main landmark");
    if (count("body > footer, [role=contentinfo]") !== 1) problems.push("there should be exactly one footer (contentinfo) landmark");
    const labels = {};
    for (const el of document.querySelectorAll("nav, aside, [role=navigation], [role=complementary], [role=search], form[role], section[aria-label], section[aria-labelledby]")) {
        const name = label(el);
        const role = el.getAttribute("role") || el.tagName.toLowerCase();
        if (!name) problems.push(`${role} landmark has no label: ${el.outerHTML.slice(0, 80)}`);
        const key = role + ":" + name;
        if (labels[key]) problems.push(`two ${role} landmarks share the label "${name}"`);
        labels[key] = true;
    }

    // Headings: one h1, and no level skipped going down.
    const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter(el => !el.closest("wagtail-userbar"));
    const h1s = headings.filter(h => h.tagName === "H1");
    if (h1s.length !== 1) problems.push(`there are ${h1s.length} h1 elements`);
    if (headings.length && headings[0].tagName !== "H1") problems.push(`the first heading is ${headings[0].tagName}, not the h1`);
    let previous = 0;
    for (const h of headings) {
        const level = Number(h.tagName[1]);
        if (previous && level > previous + 1) problems.push(`heading level skipped: h${previous} then h${level} "${h.textContent.trim().slice(0, 50)}"`);
        if (!h.textContent.trim()) problems.push(`empty ${h.tagName}`);
        previous = level;
    }

    // Breadcrumbs and pagination: labelled navs with the current item marked.
    for (const nav of document.querySelectorAll(".breadcrumbs, .pagination")) {
        if (nav.tagName !== "NAV") problems.push(`${nav.className} is not a nav`);
        if (!label(nav)) problems.push(`${nav.className} has no label`);
        if (nav.querySelectorAll("[aria-current=page]").length !== 1) problems.push(`${nav.className} does not mark exactly one current item`);
    }

    // Tables: a caption and header cells.
    for (const table of document.querySelectorAll("main table")) {
        if (!table.caption || !table.caption.textContent.trim()) problems.push("a table has no caption");
        if (!table.querySelector("th")) problems.push("a table has no header cells");
        for (const th of table.querySelectorAll("th")) {
            if (!["col", "row", "colgroup", "rowgroup"].includes(th.getAttribute("scope"))) problems.push("a header cell has no scope");
        }
    }

    // Images: every image has alt; decorative ones are empty and hidden.
    for (const img of document.querySelectorAll("img")) {
        if (!img.hasAttribute("alt")) problems.push(`image without alt: ${img.src}`);
    }

    // Statistics: a labelled group with term/description pairs.
    for (const block of document.querySelectorAll(".statistics")) {
        if (!label(block)) problems.push("a statistics block has no label");
        if (!block.querySelector("dl dt + dd")) problems.push("a statistics block has no dt/dd pairs");
    }

    // Language: every link to another language says which.
    for (const link of document.querySelectorAll(".languages a")) {
        if (!link.lang || link.lang !== link.hreflang) problems.push(`language link "${link.textContent}" has lang="${link.lang}" hreflang="${link.hreflang}"`);
    }
    if (!document.documentElement.lang) problems.push("html has no lang");
    if (!document.querySelector(".languages a[aria-current]")) problems.push("the current language is not marked");
    return problems;
}"""


def structure_problems(tab):
    return tab.evaluate(STRUCTURE_JS)
