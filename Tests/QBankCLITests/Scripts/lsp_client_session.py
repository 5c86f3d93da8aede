"""A real LSP client session against `qbank lsp`, driven by pygls's client.

Usage: lsp_client_session.py QBANK_BINARY BANK_FOLDER

BANK_FOLDER is a copy of the sample bank. The session opens a flawed file (its first
item lacks a reference: QB110), waits for the diagnostic, hovers it, hovers a task id,
jumps to an enemy's definition, applies the "suppress" quick fix, waits for the
diagnostic to go, then formats the buffer and checks the result stays clean.
Prints one line per step; exits non-zero with the reason on the first failure.
"""
import asyncio
import json
import os
import sys

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

STEP_TIMEOUT = 60


def fail(message):
    print(f"FAIL: {message}", flush=True)
    sys.exit(1)


def apply_edits(text, edits):
    """Applies LSP TextEdits (UTF-16 positions) to text, last edit first."""
    units = text.encode("utf-16-le")
    lines = [0]
    for index in range(0, len(units), 2):
        if units[index:index + 2] == b"\n\x00":
            lines.append(index // 2 + 1)

    def offset(position):
        return (lines[position.line] + position.character) * 2

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        units = units[:offset(edit.range.start)] + edit.new_text.encode("utf-16-le") + units[offset(edit.range.end):]
    return units.decode("utf-16-le")


async def main(qbank, bank):
    path = os.path.join(bank, "d1-data-preparation", "1.2-transform-and-engineer.json")
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    item = document["items"][0]
    del item["references"]  # the flaw: QB110 missing-rationale-or-reference
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    uri = "file://" + os.path.abspath(path)

    client = LanguageClient("qbank-test-client", "1")
    published = {}
    arrived = asyncio.Condition()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    async def on_diagnostics(params):
        async with arrived:
            published.setdefault(params.uri, []).append(params.diagnostics)
            arrived.notify_all()

    async def wait_for(predicate, what):
        async def check():
            async with arrived:
                await arrived.wait_for(lambda: published.get(uri) and predicate(published[uri][-1]))
                return published[uri][-1]
        try:
            return await asyncio.wait_for(check(), STEP_TIMEOUT)
        except asyncio.TimeoutError:
            fail(f"timed out waiting for {what}; last diagnostics: {published.get(uri, [[]])[-1]}")

    await client.start_io(qbank, "lsp")
    result = await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), process_id=os.getpid()))
    if result.server_info.name != "qbank":
        fail(f"unexpected server {result.server_info}")
    client.initialized(lsp.InitializedParams())
    print("initialized", flush=True)

    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="json", version=1, text=text)))

    def qb110(diagnostics):
        return [d for d in diagnostics if d.code == "QB110" and (d.data or {}).get("item") == item["id"]]

    diagnostics = await wait_for(lambda found: qb110(found), "QB110 on the flawed item")
    finding = qb110(diagnostics)[0]
    if finding.code_description is None or not finding.code_description.href.endswith("/QB110"):
        fail(f"QB110 has no documentation link: {finding}")
    print(f"diagnostic {finding.code} at {finding.range.start.line + 1}:{finding.range.start.character + 1}: {finding.message}", flush=True)

    hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=finding.range.start))
    if hover is None or "QB110" not in hover.contents.value or "rationale" not in hover.contents.value:
        fail(f"hover on the finding does not explain QB110: {hover}")
    print("hover on finding: " + hover.contents.value.splitlines()[0], flush=True)

    lines = text.splitlines()
    task_line = next(i for i, line in enumerate(lines) if line.strip().startswith('"task"'))
    task_hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        position=lsp.Position(line=task_line, character=lines[task_line].index(item["task"]) + 1)))
    if task_hover is None or f"Task {item['task']}" not in task_hover.contents.value:
        fail(f"hover on the task id does not name the task: {task_hover}")
    print("hover on task: " + task_hover.contents.value.splitlines()[0], flush=True)

    if item.get("enemies"):
        enemy = item["enemies"][0]
        enemy_line = next(i for i, line in enumerate(lines) if line.strip() == json.dumps(enemy))
        locations = await client.text_document_definition_async(lsp.DefinitionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            position=lsp.Position(line=enemy_line, character=lines[enemy_line].index(enemy) + 1)))
        if not locations:
            fail(f"no definition for enemy {enemy}")
        print(f"definition of {enemy}: {locations[0].uri.rsplit('/', 1)[-1]}:{locations[0].range.start.line + 1}", flush=True)

    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), range=finding.range,
        context=lsp.CodeActionContext(diagnostics=[finding])))
    suppress = next((a for a in actions or [] if a.title.startswith("Suppress QB110")), None)
    if suppress is None:
        fail(f"no suppress action among {[a.title for a in actions or []]}")
    text = apply_edits(text, suppress.edit.changes[uri])
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)]))
    await wait_for(lambda found: not qb110(found), "QB110 to go after the quick fix")
    print(f"quick fix applied: {suppress.title}; QB110 gone", flush=True)

    edits = await client.text_document_formatting_async(lsp.DocumentFormattingParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), options=lsp.FormattingOptions(tab_size=2, insert_spaces=True)))
    if not edits:
        fail("formatting returned no edits for a buffer the quick fix left unformatted")
    formatted = apply_edits(text, edits)
    if '"qbank": {\n' not in formatted or formatted == text:
        fail("the formatted buffer does not hold the suppression in canonical form")
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=3),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=formatted)]))
    again = await client.text_document_formatting_async(lsp.DocumentFormattingParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), options=lsp.FormattingOptions(tab_size=2, insert_spaces=True)))
    if again:
        fail("formatting a formatted buffer changed it again")
    print(f"formatted: {len(text.splitlines())} -> {len(formatted.splitlines())} lines; formatting again changes nothing", flush=True)

    await client.shutdown_async(None)
    client.exit(None)
    await asyncio.sleep(0.2)
    await client.stop()
    print("PASS", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        fail("usage: lsp_client_session.py QBANK_BINARY BANK_FOLDER")
    asyncio.run(main(sys.argv[1], sys.argv[2]))
