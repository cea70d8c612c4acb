-- wrk script: sends turns round-robin over the sessions listed in the file given after `--`
-- (one "ID TOKEN" per line). Every tenth turn restarts the conversation, so sessions stay the
-- size of a real conversation instead of growing for the whole run.
local sessions = {}
local next_index = 1
local count = 0
local inputs = {
  '{"text":"wie betaalt dat eigenlijk?"}', '{"text":"1"}', '{"text":"nee"}', '{"command":"help"}',
  '{"text":"ik wil een second opinion"}', '{"text":"ja"}', '{"command":"back"}', '{"text":"2"}',
  '{"command":"topics"}', '{"command":"restart"}',
}

function init(args)
  for line in io.lines(args[1]) do
    local id, token = line:match("^(%S+)%s+(%S+)$")
    if id then sessions[#sessions + 1] = { id = id, token = token } end
  end
  next_index = math.random(#sessions)
end

function request()
  local session = sessions[next_index]
  next_index = next_index % #sessions + 1
  count = count + 1
  local body = inputs[(count - 1) % #inputs + 1]
  return wrk.format("POST", "/v1/sessions/" .. session.id .. "/turns",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. session.token }, body)
end
