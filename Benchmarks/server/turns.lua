-- wrk script: sends turns round-robin over the sessions listed in the file given after `--`
-- (one "ID TOKEN" per line). Each session gets the inputs below in order, so every tenth turn of
-- a session restarts its conversation and sessions stay the size of a real conversation instead
-- of growing for the whole run. (The count is per session: with one count for all sessions, 50
-- sessions and 10 inputs, every session got the same input every time and never restarted.)
-- With `long` after the file, the tenth input is a question instead of the restart: sessions
-- keep growing up to the engine's limits (500 transcript lines, 100 undo steps).
local sessions = {}
local next_index = 1
local inputs = {
  '{"text":"wie betaalt dat eigenlijk?"}', '{"text":"1"}', '{"text":"nee"}', '{"command":"help"}',
  '{"text":"ik wil een second opinion"}', '{"text":"ja"}', '{"command":"back"}', '{"text":"2"}',
  '{"command":"topics"}', '{"command":"restart"}',
}

function init(args)
  if args[2] == "long" then inputs[#inputs] = '{"text":"mag mijn moeder een second opinion voor mij vragen?"}' end
  for line in io.lines(args[1]) do
    local id, token = line:match("^(%S+)%s+(%S+)$")
    if id then sessions[#sessions + 1] = { id = id, token = token, turns = 0 } end
  end
  next_index = math.random(#sessions)
end

function request()
  local session = sessions[next_index]
  next_index = next_index % #sessions + 1
  session.turns = session.turns + 1
  local body = inputs[(session.turns - 1) % #inputs + 1]
  return wrk.format("POST", "/v1/sessions/" .. session.id .. "/turns",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. session.token }, body)
end
