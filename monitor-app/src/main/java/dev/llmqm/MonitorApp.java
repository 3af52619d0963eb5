package dev.llmqm; public final class MonitorApp { public static void main(String[] a) {} }
