import Foundation
import PackagePlugin

/// Turns `Lessons/*.md` into Swift source so the built binary carries the course
/// and runs from any directory.
@main
struct EmbedLessons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let lessonsDir = context.package.directoryURL.appending(path: "Lessons")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: lessonsDir.path)) ?? []
        let inputs = files.filter { $0.hasSuffix(".md") }.sorted().map { lessonsDir.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledLessons.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) lessons",
                executable: try context.tool(named: "LessonEmbedder").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
