-- A real LSP client for statcite: Neovim's own vim.lsp (0.7 API: start_client, buf_request_sync, util.*), run by
-- test/lsp/neovim.test.ts as `nvim --headless --clean -c 'luafile statcite-client.lua'`. It opens a Markdown file,
-- completes after "@@zendsk", applies the chosen item's edits, hovers, reads diagnostics, applies a quick fix, and
-- writes what it saw as JSON to $STATCITE_OUT. Inputs: $STATCITE_CLI (dist/cli.js), $STATCITE_DOC, $STATCITE_ROOT.
local out = {}
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('STATCITE_OUT'))
  vim.cmd('qall!')
end

local function run()
  local doc = os.getenv('STATCITE_DOC')
  vim.cmd('edit ' .. vim.fn.fnameescape(doc))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'markdown'

  local client_id = vim.lsp.start_client({
    name = 'statcite',
    cmd = { 'node', os.getenv('STATCITE_CLI'), 'lsp', '--stdio' },
    root_dir = os.getenv('STATCITE_ROOT'),
    -- Settings as nvim-lspconfig sends them: pushed with workspace/didChangeConfiguration once initialized
    -- (Neovim 0.7 answers workspace/configuration but does not announce it, so the server is not asked).
    settings = { statcite = { severity = { ['unused-footnote'] = 'error' } } },
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
  })
  out.client_id = client_id
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  assert(vim.wait(15000, function() return client.initialized end, 50), 'the server did not initialize')
  out.server_name = client.server_capabilities and client.server_capabilities.completionProvider and 'completion' or 'none'
  out.trigger_characters = client.server_capabilities.completionProvider.triggerCharacters

  -- Completion right after "@@zendsk" (the cursor column is in bytes; vim.lsp turns it into UTF-16 for the server).
  local line = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
  local _, trigger_end = line:find('@@zendsk', 1, true)
  vim.api.nvim_win_set_cursor(0, { 1, trigger_end })
  local params = vim.lsp.util.make_position_params(0, 'utf-16')
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, 15000)
  local list = responses[client_id].result
  out.is_incomplete = list.isIncomplete
  out.labels = {}
  local chosen
  for _, item in ipairs(list.items) do
    table.insert(out.labels, item.label)
    if not chosen and item.label:find('^84') and item.labelDetails and item.labelDetails.description == 'Zendesk 2019' then chosen = item end
  end
  assert(chosen, 'no Zendesk 2019 84 % item')
  out.chosen = chosen.label
  -- Accepting the item: its edit and its additional edits (the footnote definition), as a completion plugin does.
  vim.lsp.util.apply_text_edits({ chosen.textEdit }, buf, 'utf-16')
  vim.lsp.util.apply_text_edits(chosen.additionalTextEdits or {}, buf, 'utf-16')
  out.after_completion = vim.api.nvim_buf_get_lines(buf, 0, -1, false)

  -- Hover on the inserted footnote reference.
  local row = 1
  local ref_col = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]:find('[^zendesk-2019]', 1, true)
  vim.api.nvim_win_set_cursor(0, { row, ref_col + 1 })
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', vim.lsp.util.make_position_params(0, 'utf-16'), 15000)[client_id].result
  out.hover = hover and hover.contents and hover.contents.value

  -- Diagnostics the server pushes: a reference without a definition and an unused definition are added.
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { '', 'Toinen lähde[^hubspot-2019] kertoo enemmän.', '', '[^vanha]: Ei enää käytössä.' })
  assert(vim.wait(15000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'undefined-footnote' then return true end
    end
    return false
  end, 50), 'no undefined-footnote diagnostic')
  out.diagnostics = {}
  local undefined_lnum
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out.diagnostics, { code = d.code, severity = d.severity, lnum = d.lnum, col = d.col, end_col = d.end_col, source = d.source, message = d.message })
    if d.code == 'undefined-footnote' then undefined_lnum = d.lnum end
  end

  -- The quick fix for the undefined reference, applied through vim.lsp's own workspace-edit code.
  local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, undefined_lnum)
  local range_params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = line_diagnostics[1].range, context = { diagnostics = line_diagnostics } }
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', range_params, 15000)[client_id].result
  out.actions = {}
  for _, action in ipairs(actions) do
    table.insert(out.actions, { title = action.title, kind = action.kind })
    if action.kind == 'quickfix' and action.title:find('hubspot', 1, true) then vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16') end
  end
  out.after_fix = vim.api.nvim_buf_get_lines(buf, 0, -1, false)

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
  out.stopped = vim.lsp.get_client_by_id(client_id) == nil
end

local ok, err = pcall(run)
out.ok = ok
if not ok then out.error = tostring(err) end
finish()
