import QBankCore

/// How imported items get a domain and task: their own (qbank files, qbank
/// exports), else a mapping of their source categories or tags, else `--domain`/
/// `--task`. Items still without both stay `draft`, for the linter to flag.
public struct Assignment: Sendable {
    public var domain: Int?
    public var task: String?
    /// Source category or tag → (domain, task?). Matched exactly, then by the last path segment.
    public var categories: [String: (domain: Int, task: String?)]

    public init(domain: Int? = nil, task: String? = nil, categories: [String: (domain: Int, task: String?)] = [:]) {
        self.domain = domain ?? task.flatMap { Int($0.split(separator: ".").first ?? "") }
        self.task = task
        self.categories = categories
    }

    public func apply(to result: inout ImportResult) {
        let categoriesByItem = result.categories
        func assign(_ item: inout Item) {
            if item.domain == 0 || item.task.isEmpty {
                for category in categoriesByItem[item.id] ?? [] {
                    if let mapped = lookup(category) {
                        if item.domain == 0 { item.domain = mapped.domain }
                        if item.task.isEmpty, let task = mapped.task { item.task = task }
                        break
                    }
                }
            }
            if item.domain == 0, let domain { item.domain = domain }
            if item.task.isEmpty, let task, item.domain == self.domain { item.task = task }
            if item.domain == 0 || item.task.isEmpty { item.status = .draft }
        }
        for index in result.file.items.indices { assign(&result.file.items[index]) }
        for c in result.file.cases.indices {
            for i in result.file.cases[c].items.indices { assign(&result.file.cases[c].items[i]) }
        }
    }

    private func lookup(_ category: String) -> (domain: Int, task: String?)? {
        if let exact = categories[category] { return exact }
        let last = category.split(separator: "/").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? category
        return categories[last] ?? categories[last.lowercased()]
    }
}

import Foundation
