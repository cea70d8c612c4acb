import Crypto
import DialogEngine
import Foundation
import Logging
import Prometheus

/// The work a webhook asks for, done after Chatwoot has had its answer: runs the conversation's
/// session and posts the replies through Chatwoot's API. Logs name the conversation and what
/// happened, never what anyone wrote.
struct ChatwootResponder: Sendable {
    let service: ConversationService
    let client: ChatwootClient
    let keys: ChatwootSessionKeys
    let logger: Logger

    func perform(_ action: ChatwootAction) async {
        do {
            switch action {
            case .start(let target):
                try await start(target)
            case .text(let target, let message, let text):
                try await answer(target, key: "chatwoot-message-\(message)", request: "text:\(text)") { turn in
                    // Telegram sends a tapped option back as its value: our choice id.
                    turn.choices.contains { $0.id == text } ? .choice(text) : .text(text)
                }
            case .pick(let target, let message, let value, let title):
                try await answer(target, key: "chatwoot-pick-\(message)", request: "pick:\(value ?? "")\n\(title ?? "")") { turn in
                    if let value, turn.choices.contains(where: { $0.id == value }) { return .choice(value) }
                    // An option of an older question: its words still say what the person meant.
                    return .text(title ?? value ?? "")
                }
            case .resume(let target):
                try await resume(target)
            case .end(let conversation):
                try await end(conversation)
            case .ignore:
                break
            }
        } catch {
            logger.error("chatwoot work failed", metadata: ["error.type": "\(type(of: error))", "chatwoot.failure": "\(Self.describe(error))"])
        }
    }

    // MARK: - Actions

    /// Greets the person, unless the conversation has a session already.
    private func start(_ target: ChatwootTarget) async throws {
        let (id, token) = keys.identity(of: target.id)
        guard let started = try await service.startSession(id: id, token: token, language: target.language) else { return }
        logger.info("chatwoot session started", metadata: ["chatwoot.conversation": "\(target.id)"])
        try await post(started.turn, to: target)
    }

    /// Applies the person's input under an idempotency key (the Chatwoot message), so a webhook
    /// that comes again, here or on another instance, is applied and answered once. `request` is
    /// what the webhook said: the input read from it depends on the turn, which moves on.
    private func answer(_ target: ChatwootTarget, key: String, request: String, input: (Turn) -> TurnInput) async throws {
        let (id, token) = keys.identity(of: target.id)
        var before = try await service.snapshot(id: id)
        var greeted = false
        if before == nil {
            if let started = try await service.startSession(id: id, token: token, language: target.language) {
                logger.info("chatwoot session started", metadata: ["chatwoot.conversation": "\(target.id)"])
                try await post(started.turn, to: target)
                before = started
                greeted = true
            } else {
                // Another instance started it a moment ago.
                before = try await service.snapshot(id: id)
            }
        }
        guard let before else { return }
        let turnInput = input(before.turn)
        let hash = SHA256.hash(data: Data(request.utf8)).map { String(format: "%02x", $0) }.joined()
        let answer = try await service.turn(id: id, input: turnInput, credentials: .init(bearer: token, apiKey: nil), ifMatch: nil,
                                            idempotency: (key: key, requestHash: hash))
        // A replayed answer is the stored reply to a webhook that came again, here or on another
        // instance (which may have applied it after we read `before`): it was posted then, or
        // lost with the instance that applied it (at most once; never twice). The revision check
        // only guards against a store that went back in time.
        guard !answer.replayed, answer.revision > before.revision else { return }
        service.metrics.turns.increment()
        // After the greeting, words that matched nothing need no second "I didn't understand".
        if greeted && answer.turn.outcome == .notUnderstood { return }
        try await post(answer.turn, to: target)
        if answer.turn.handoff != nil { try await handOff(target, token: token) }
    }

    /// After the turn that says a person will take over (asked for, help failed, or a safety
    /// answer, which has been posted first): the summary as a private note for the agents, then
    /// the conversation opens to them. While it is open the bot stays silent.
    private func handOff(_ target: ChatwootTarget, token: String) async throws {
        let (id, _) = keys.identity(of: target.id)
        let handoff = try await service.handoff(id: id, credentials: .init(bearer: token, apiKey: nil))
        try await client.post(.note(handoff.markdown), to: target.id)
        try await client.setStatus("open", of: target.id)
        logger.info("chatwoot conversation handed off", metadata: ["chatwoot.conversation": "\(target.id)",
                                                                   "handoff.reason": "\(handoff.summary.reason.rawValue)"])
    }

    /// The bot has the conversation again: it shows the topics, so the person sees it is back.
    private func resume(_ target: ChatwootTarget) async throws {
        let (id, token) = keys.identity(of: target.id)
        guard try await service.snapshot(id: id) != nil else { return }
        let answer = try await service.turn(id: id, input: .command(.topics), credentials: .init(bearer: token, apiKey: nil),
                                            ifMatch: nil, idempotency: nil)
        logger.info("chatwoot conversation resumed", metadata: ["chatwoot.conversation": "\(target.id)"])
        try await post(answer.turn, to: target)
    }

    /// Deletes the conversation's session and everything stored about it.
    private func end(_ conversation: ChatwootConversationID) async throws {
        let (id, token) = keys.identity(of: conversation)
        // Resolving can be reported twice (`conversation_resolved` and the status change).
        guard try await service.snapshot(id: id) != nil else { return }
        try await service.delete(id: id, credentials: .init(bearer: token, apiKey: nil))
        logger.info("chatwoot session ended", metadata: ["chatwoot.conversation": "\(conversation)"])
    }

    // MARK: - Replies

    /// Posts a turn in its own language (the person may have switched it in this very turn).
    private func post(_ turn: Turn, to target: ChatwootTarget) async throws {
        for message in ChatwootReply.messages(for: turn, showsOptions: target.showsOptions) {
            try await client.post(message, to: target.id)
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case let failure as ChatwootClient.Failure: "chatwoot answered \(failure.status)"
        case let apiError as APIError: apiError.code.rawValue
        default: "\(type(of: error))"
        }
    }
}
