import summarizer


def test_public_api_is_small_and_explicit():
    assert summarizer.__all__ == sorted(summarizer.__all__)
    assert set(summarizer.__all__) == {
        "ArticleRecords", "CasualtyEstimate", "Count", "Evidence", "RunReport", "Source",
        "TreatyReference", "TroopDeployment", "build_brief", "summarize_article", "summarize_dataset",
        "summarize_paths",
    }
    for name in summarizer.__all__:
        assert getattr(summarizer, name) is not None


def test_core_modules_do_not_import_backends():
    import ast

    for module in ("records", "prompts", "article", "grounding", "numbers", "dates"):
        source = open(f"{summarizer.__path__[0]}/{module}.py", encoding="utf-8").read()
        tree = ast.parse(source)
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not any(m.startswith(("summarizer.backends", "openai", "llama_cpp", "instructor"))
                       for m in imported), module
