//! Small text helpers shared by the UI and emails (pure, compiled to wasm too).

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A redirect target that stays on this site: an absolute local path with no whitespace or control
/// characters (browsers drop tabs and newlines, turning `/\t/evil` into `//evil`). Anything else
/// becomes `fallback`.
pub fn local_path<'a>(p: &'a str, fallback: &'a str) -> &'a str {
    let ok = p.starts_with('/')
        && !p.starts_with("//")
        && !p.contains('\\')
        && !p.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok { p } else { fallback }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape_html("</textarea><script>'&\""),
            "&lt;/textarea&gt;&lt;script&gt;&#39;&amp;&quot;"
        );
    }

    #[test]
    fn only_local_paths_survive() {
        for ok in ["/sesi", "/sesi/baru?x=1#y", "/"] {
            assert_eq!(local_path(ok, "/f"), ok);
        }
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\r\n/evil",
            "/ /evil",
            "",
            "sesi",
        ] {
            assert_eq!(local_path(bad, "/f"), "/f", "{bad:?}");
        }
    }
}
