/** The pages of app.json's tabBar: opened with switchTab, never pushed (a test keeps the two lists equal). */
export const TAB_PAGES: readonly string[] = ['/pages/home/index', '/pages/messages/index', '/pages/me/index'];
