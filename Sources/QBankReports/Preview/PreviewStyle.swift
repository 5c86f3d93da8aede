/// Styles only the item preview needs, added after `ReportStyle`.
enum PreviewStyle {
    static let css = """
        .item { border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem 1rem; margin: 1rem 0 1.5rem; }
        .item h3 { margin: 0 0 0.5rem; font-size: 1rem; }
        .item .meta { color: var(--muted); font-weight: 400; font-size: 0.85rem; }
        .views { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
        .view h4 { margin: 0 0 0.4rem; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
        .view.reviewer { background: #fbfaf6; border-left: 3px solid var(--accent); padding-left: 0.75rem; }
        .scenario { background: var(--track); padding: 0.25rem 0.75rem; border-radius: 4px; margin-bottom: 0.5rem; }
        .instruction { font-weight: 600; font-size: 0.9rem; margin: 0.6rem 0 0.2rem; }
        ol.choices { list-style: none; padding: 0; margin: 0.25rem 0; }
        ul.choices { padding-left: 1.2rem; margin: 0.25rem 0; }
        .choices li { margin: 0.35rem 0; }
        .letter { display: inline-block; min-width: 1.5rem; font-weight: 700; }
        .key .mark { color: #1c7c3a; }
        .distractor .mark { color: var(--muted); }
        .rationale { color: var(--muted); font-size: 0.88rem; margin: 0.1rem 0 0 1.5rem; }
        .source { color: var(--muted); font-size: 0.8rem; }
        .missing { color: var(--accent); }
        .facts { color: var(--muted); font-size: 0.85rem; }
        @media (max-width: 720px) { .views { grid-template-columns: 1fr; } }
        """
}
