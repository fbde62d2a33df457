.pragma library
// Turns plain message text into safe StyledText: every character of the text is
// escaped, and only http(s) URLs become links. Nothing from the wire is ever
// interpreted as markup.

const urlPattern = /\bhttps?:\/\/[^\s<>"']+/gi

function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
                       .replace(/"/g, "&quot;").replace(/'/g, "&#39;")
}

// True when the text has something to link; plain text needs no markup at all.
function hasLinks(text) {
    urlPattern.lastIndex = 0
    return urlPattern.test(String(text))
}

// Trailing punctuation usually ends the sentence, not the URL.
function trimUrl(url) {
    let end = url.length
    while (end > 0 && ".,;:!?)]}".indexOf(url[end - 1]) >= 0) {
        if (url[end - 1] === ")" && url.lastIndexOf("(", end) >= 0 && url.indexOf("(") < end - 1)
            break
        --end
    }
    return url.substring(0, end)
}

function linkify(text, linkColor) {
    const s = String(text)
    let out = ""
    let last = 0
    urlPattern.lastIndex = 0
    let m
    while ((m = urlPattern.exec(s)) !== null) {
        const url = trimUrl(m[0])
        out += escapeHtml(s.substring(last, m.index))
        const safe = escapeHtml(url)
        out += "<a href=\"" + safe + "\"" + (linkColor ? " style=\"color:" + linkColor + "\"" : "")
               + ">" + safe + "</a>"
        last = m.index + url.length
        urlPattern.lastIndex = last
    }
    out += escapeHtml(s.substring(last))
    return out.replace(/\n/g, "<br>")
}

// Only http(s) links are ever opened.
function isSafeLink(link) {
    return /^https?:\/\/[^\s]+$/i.test(String(link))
}
