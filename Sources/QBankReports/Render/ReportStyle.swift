/// The one style sheet of every generated page, inlined so a report is a single file
/// that opens anywhere without a network. No `<` or `&` in here: pages are also XML.
enum ReportStyle {
    static let css = """
        :root { color-scheme: light; --ink: #1d232b; --muted: #5b6573; --line: #d5dae1; --bar: #2f6db5; --accent: #c8611b; --track: #eef1f5;
          --s0: #2f6db5; --s1: #c8611b; --s2: #2e8b57; --s3: #8a4fb5; --s4: #b8405e; --s5: #5f6b7a; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
        main { max-width: 62rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
        h2 { font-size: 1.25rem; margin: 2.25rem 0 0.5rem; padding-top: 0.75rem; border-top: 1px solid var(--line); }
        h3 { font-size: 1rem; margin: 1.25rem 0 0.25rem; }
        p { margin: 0.5rem 0; max-width: 48rem; }
        code { font: 0.9em ui-monospace, "DejaVu Sans Mono", monospace; background: var(--track); padding: 0 0.2em; border-radius: 3px; }
        pre { background: var(--track); padding: 0.5em 0.7em; border-radius: 4px; overflow-x: auto; line-height: 1.35; }
        pre code { background: none; padding: 0; }
        td table, li table, .scenario table, .stem table, .views table { border-collapse: collapse; }
        img { max-width: 100%; height: auto; }
        a { color: #1f5fa8; }
        nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; margin: 0 0 1rem; font-size: 0.9rem; }
        .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr)); gap: 0.6rem; margin: 0 0 1rem; }
        .tile { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.75rem; }
        .tile .figure { display: block; font-size: 1.6rem; font-weight: 700; line-height: 1.2; }
        .tile .name { color: var(--muted); font-size: 0.85rem; }
        .tile.alert { border-color: var(--accent); }
        .tile.alert .figure { color: var(--accent); }
        figure { margin: 1rem 0; }
        figcaption { font-weight: 600; margin-bottom: 0.35rem; }
        .legend { color: var(--muted); font-size: 0.85rem; margin: 0.25rem 0 0; }
        .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; vertical-align: -0.1rem; margin: 0 0.3rem 0 0.6rem; background: var(--bar); }
        .swatch.first { margin-left: 0; }
        .swatch.target { width: 3px; height: 1rem; background: var(--ink); }
        .swatch.accent { background: var(--accent); }
        .swatch.whisker { width: 1rem; height: 0.6rem; background: none; border: 2px solid var(--ink); border-top: 0; border-bottom: 0; box-shadow: inset 0 -0.3rem 0 -0.2rem var(--ink); }
        .swatch.diag { background: #e3e7ec; }
        .swatch.line { height: 4px; width: 1.2rem; vertical-align: 0.2rem; }
        .swatch.s0 { background: var(--s0); } .swatch.s1 { background: var(--s1); } .swatch.s2 { background: var(--s2); }
        .swatch.s3 { background: var(--s3); } .swatch.s4 { background: var(--s4); } .swatch.s5 { background: var(--s5); }
        svg.chart { display: block; overflow: visible; }
        svg.chart text { font-size: 13px; fill: var(--ink); }
        svg.chart .tick, svg.chart .muted { fill: var(--muted); font-size: 12px; }
        svg.chart .value { font-weight: 600; }
        svg.chart .label.short { display: none; }
        svg.chart .track { fill: var(--track); }
        svg.chart .bar { fill: var(--bar); }
        svg.chart .bar.accent { fill: var(--accent); }
        svg.chart .grid { stroke: var(--line); stroke-width: 1; }
        svg.chart .target { stroke: var(--ink); stroke-width: 3; }
        svg.chart .whisker { stroke: var(--ink); stroke-width: 2; }
        svg.chart .inside { fill: #fff; font-size: 12px; font-weight: 600; }
        svg.chart .seg { stroke: #fff; stroke-width: 1; }
        svg.chart .s0 { fill: var(--s0); stroke: var(--s0); } svg.chart .s1 { fill: var(--s1); stroke: var(--s1); }
        svg.chart .s2 { fill: var(--s2); stroke: var(--s2); } svg.chart .s3 { fill: var(--s3); stroke: var(--s3); }
        svg.chart .s4 { fill: var(--s4); stroke: var(--s4); } svg.chart .s5 { fill: var(--s5); stroke: var(--s5); }
        svg.chart .seg.s0, svg.chart .seg.s1, svg.chart .seg.s2, svg.chart .seg.s3, svg.chart .seg.s4, svg.chart .seg.s5 { stroke: #fff; }
        svg.chart .ln { stroke-width: 2.5; fill: none; }
        svg.chart .ln.s1 { stroke-dasharray: 8 4; } svg.chart .ln.s2 { stroke-dasharray: 2 3; } svg.chart .ln.s3 { stroke-dasharray: 10 3 2 3; }
        svg.chart .pt { stroke: #fff; stroke-width: 1.5; }
        svg.chart .cell { fill: var(--bar); stroke: #fff; stroke-width: 2; }
        svg.chart .cell.diag { fill: #e3e7ec; }
        svg.chart .cell.empty { fill: #fff; stroke: var(--line); stroke-width: 1; }
        .scroll { overflow-x: auto; margin: 0.5rem 0 1rem; }
        table { border-collapse: collapse; font-size: 0.88rem; min-width: 50%; }
        th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #f6f7f9; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        th.nb, td.num { white-space: nowrap; }
        footer { color: var(--muted); font-size: 0.85rem; margin-top: 3rem; }
        @media (max-width: 640px) {
          main { padding: 0.75rem 0.75rem 2rem; }
          h1 { font-size: 1.3rem; }
          svg.chart .label.long { display: none; }
          svg.chart .label.short { display: inline; }
          table { font-size: 0.8rem; }
          th, td { padding: 0.25rem 0.4rem; }
          td:first-child { min-width: 7rem; }
        }
        """
}
