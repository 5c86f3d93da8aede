-- Headless Neovim (Debian 12's 0.7.2: vim.lsp.start_client) as an LSP client of `qbank lsp`.
-- Run: QBANK=... BANK_FILE=... nvim --headless -u NONE -c "luafile nvim_session.lua"
-- Prints the file's diagnostics and the hover on the first one, then "PASS" (or "FAIL: why").
local qbank, file = os.getenv("QBANK"), os.getenv("BANK_FILE")
local function finish(line)
  io.stdout:write(line .. "\n")
  vim.cmd("qa!")
end
local client_id = vim.lsp.start_client({ name = "qbank", cmd = { qbank, "lsp" }, root_dir = vim.fn.fnamemodify(file, ":h") })
vim.cmd("edit " .. vim.fn.fnameescape(file))
vim.lsp.buf_attach_client(0, client_id)
if not vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50) then
  return finish("FAIL: no diagnostics")
end
local first = vim.diagnostic.get(0)[1]
for _, d in ipairs(vim.diagnostic.get(0)) do
  io.stdout:write(string.format("diagnostic %d:%d %s\n", d.lnum + 1, d.col + 1, d.message))
end
local reply = vim.lsp.get_client_by_id(client_id).request_sync("textDocument/hover",
  { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = first.lnum, character = first.col } }, 10000, 0)
if not (reply and reply.result and reply.result.contents) then return finish("FAIL: no hover") end
io.stdout:write("hover " .. vim.split(reply.result.contents.value, "\n")[1] .. "\n")
vim.lsp.stop_client(client_id)
finish("PASS")
